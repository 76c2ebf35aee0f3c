package cn.tongban.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 权限: every permission of the platform, {@code module:resource:action} as RuoYi-trained staff know them, with the
 * name an administrator sees. Endpoints check them with {@code @PreAuthorize("hasAuthority('...')")}; roles hold
 * them (table {@code role_permission}); a system client's token carries those of its roles.
 */
public final class Permissions {

    public static final String PROJECT_QUERY = "building:project:query";
    public static final String PROJECT_EDIT = "building:project:edit";
    public static final String BUILDING_QUERY = "building:building:query";
    public static final String BUILDING_EDIT = "building:building:edit";
    public static final String PERMIT_EDIT = "building:permit:edit";
    public static final String UNIT_QUERY = "building:unit:query";
    public static final String UNIT_IMPORT = "building:unit:import";
    public static final String UNIT_STATUS_CHANGE = "building:unit:status-change";
    public static final String DICTIONARY_EDIT = "dictionary:item:edit";
    public static final String CONTRACT_CREATE = "filing:contract:create";
    public static final String CONTRACT_QUERY = "filing:contract:query";
    /** Amend or cancel a filed contract. */
    public static final String CONTRACT_CHANGE = "filing:contract:change";
    /** Edit the contract templates of one's district (or the default ones, city-wide). */
    public static final String CONTRACT_TEMPLATE_EDIT = "filing:template:edit";
    /** 住房套数 of a person. */
    public static final String HOUSING_COUNT_QUERY = "filing:housing-count:query";
    public static final String AUDIT_QUERY = "audit:log:query";
    /** See personal data (names, ID numbers, phones) unmasked. */
    public static final String PERSONAL_DATA_FULL = "identity:personal-data:full";
    public static final String DEPARTMENT_MANAGE = "identity:department:manage";
    public static final String USER_MANAGE = "identity:user:manage";
    /** Feed marriage records (民政) and household parent–child relations (公安户籍). */
    public static final String FAMILY_RECORD = "identity:family:record";
    public static final String SEIZURE_CREATE = "restriction:seizure:create";
    public static final String SEIZURE_RELEASE = "restriction:seizure:release";
    public static final String SEIZURE_QUERY = "restriction:seizure:query";
    public static final String MORTGAGE_CREATE = "restriction:mortgage:create";
    public static final String MORTGAGE_RELEASE = "restriction:mortgage:release";
    public static final String MORTGAGE_QUERY = "restriction:mortgage:query";
    public static final String LOCK_CREATE = "restriction:lock:create";
    public static final String LOCK_RELEASE = "restriction:lock:release";
    public static final String LOCK_QUERY = "restriction:lock:query";
    public static final String DEBTOR_CREATE = "restriction:debtor:create";
    public static final String DEBTOR_REMOVE = "restriction:debtor:remove";
    public static final String DEBTOR_QUERY = "restriction:debtor:query";
    /** The sharing catalog of 常经办发〔2023〕19号 附件1, its schedules and next due dates. */
    public static final String CATALOG_QUERY = "sharing:catalog:query";
    /** Edit, import and bind providers of the sharing catalog. */
    public static final String CATALOG_EDIT = "sharing:catalog:edit";
    /** Deliver a period's data as the item's provider department. */
    public static final String DELIVERY_SUBMIT = "sharing:delivery:submit";
    /** Timeliness of deliveries per provider and quarter (考核). */
    public static final String ASSESSMENT_QUERY = "sharing:assessment:query";
    /** Manage every department's event subscriptions and replay their webhook deliveries (issue #5 item 6). */
    public static final String SUBSCRIPTION_MANAGE = "sharing:subscription:manage";
    /** A department system manages its own subscriptions and reads the event feed of its subscribed types. */
    public static final String SUBSCRIPTION_OWN = "sharing:subscription:own";
    /** Create and revoke sharing grants (数据共享授权). */
    public static final String SHARING_GRANT_MANAGE = "sharing:grant:manage";
    public static final String SHARING_GRANT_QUERY = "sharing:grant:query";
    /** Call the real-time sharing interfaces; what may be asked is then decided by the department's grants. */
    public static final String SHARING_INTERFACE_CALL = "sharing:interface:call";
    /** Run a stateless tax calculation (estimate); citizens signed in to the portal may too. */
    public static final String TAX_CALCULATION_RUN = "tax:calculation:run";
    /** Start a tax declaration pre-filled from a filed contract (免填单). */
    public static final String TAX_DECLARATION_CREATE = "tax:declaration:create";
    public static final String TAX_DECLARATION_QUERY = "tax:declaration:query";
    /** Set the assessed price of a declaration whose declared price is too low (契税法 第四条 第二款). */
    public static final String TAX_DECLARATION_ASSESS = "tax:declaration:assess";
    /** Confirm a payment (treasury or bank) and issue the tax-paid or exemption record. */
    public static final String TAX_PAYMENT_CONFIRM = "tax:payment:confirm";
    public static final String TAX_RECEIPT_VOID = "tax:receipt:void";
    /** Set the quarter's 标准房基准价格 of a district and use (price assessment, 常经办发〔2023〕19号 二（三）1). */
    public static final String TAX_BENCHMARK_PRICE_EDIT = "tax:benchmark-price:edit";
    public static final String TAX_BENCHMARK_PRICE_QUERY = "tax:benchmark-price:query";
    /** Apply for a registration at a hall window or through the extended port (banks, developers, brokerages). */
    public static final String REGISTRATION_SUBMIT = "registration:application:submit";
    /** Work an application through 受理, 审核, 登簿 and 缮证 in one's districts. */
    public static final String REGISTRATION_HANDLE = "registration:application:handle";
    /** See the applications and work queues of one's districts. */
    public static final String REGISTRATION_QUERY = "registration:application:query";
    /** Confirm a registration fee paid (收费窗口 or the payment platform). */
    public static final String REGISTRATION_FEE_CONFIRM = "registration:fee:confirm";
    /** 不动产登记信息查询: a unit's natural state, rights and restrictions, by unit code, certificate or 坐落. */
    public static final String REGISTRATION_PROPERTY_QUERY = "registration:property:query";
    /** 登记统计: applications, durations and 一次都不跑 per district, business type, month and channel. */
    public static final String REGISTRATION_STATISTICS_QUERY = "registration:statistics:query";
    /** Upload and read the materials of a registration application one may see (citizens may, as its parties). */
    public static final String REGISTRATION_MATERIAL_UPLOAD = "registration:material:upload";
    /** Book a hall appointment for a registration application one may see (citizens may, as its parties). */
    public static final String REGISTRATION_APPOINTMENT_BOOK = "registration:appointment:book";
    /** Record that an applicant came to the hall (counts against 一次都不跑). */
    public static final String REGISTRATION_APPOINTMENT_ATTEND = "registration:appointment:attend";
    /** Download any e-certificate or proof of one's district (registration staff). */
    public static final String REGISTRATION_CERTIFICATE_QUERY = "registration:certificate:query";
    /** Issue a 无房证明 / 住房信息查询结果 for a person, with a declared purpose. */
    public static final String HOUSING_RECORD_ISSUE = "registration:housing-record:issue";
    /** Market monitoring from filing data (建房规〔2020〕4号 五（十三）): figures, charts and price anomalies. */
    public static final String MONITORING_MARKET_QUERY = "monitoring:market:query";

    /** Every permission with its Chinese name, in the order an administrator's screen lists them. */
    public static final Map<String, String> ALL = all();

    private Permissions() {
    }

    private static Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(PROJECT_QUERY, "楼盘表-项目查询");
        all.put(PROJECT_EDIT, "楼盘表-项目维护");
        all.put(BUILDING_QUERY, "楼盘表-幢查询");
        all.put(BUILDING_EDIT, "楼盘表-幢维护");
        all.put(PERMIT_EDIT, "楼盘表-预售许可/现售备案登记");
        all.put(UNIT_QUERY, "楼盘表-房屋查询");
        all.put(UNIT_IMPORT, "楼盘表-房屋批量导入");
        all.put(UNIT_STATUS_CHANGE, "楼盘表-交易/权利状况变更");
        all.put(DICTIONARY_EDIT, "数据字典维护");
        all.put(CONTRACT_CREATE, "网签备案-签约备案");
        all.put(CONTRACT_QUERY, "网签备案-合同查询");
        all.put(CONTRACT_CHANGE, "网签备案-变更与注销");
        all.put(HOUSING_COUNT_QUERY, "住房套数查询");
        all.put(CONTRACT_TEMPLATE_EDIT, "网签备案-合同示范文本维护");
        all.put(AUDIT_QUERY, "审计日志查询");
        all.put(PERSONAL_DATA_FULL, "查看未脱敏个人信息");
        all.put(DEPARTMENT_MANAGE, "部门管理");
        all.put(USER_MANAGE, "用户管理");
        all.put(FAMILY_RECORD, "婚姻登记与户籍亲属关系信息报送");
        all.put(SEIZURE_CREATE, "限制-查封登记");
        all.put(SEIZURE_RELEASE, "限制-解除查封");
        all.put(SEIZURE_QUERY, "限制-查封查询");
        all.put(MORTGAGE_CREATE, "限制-抵押登记");
        all.put(MORTGAGE_RELEASE, "限制-注销抵押");
        all.put(MORTGAGE_QUERY, "限制-抵押查询");
        all.put(LOCK_CREATE, "限制-限售锁定");
        all.put(LOCK_RELEASE, "限制-解除限售锁定");
        all.put(LOCK_QUERY, "限制-限售锁定查询");
        all.put(DEBTOR_CREATE, "限制-失信被执行人推送");
        all.put(DEBTOR_REMOVE, "限制-失信被执行人移除");
        all.put(DEBTOR_QUERY, "限制-失信被执行人查询");
        all.put(CATALOG_QUERY, "数据共享-共享目录查询");
        all.put(CATALOG_EDIT, "数据共享-共享目录维护");
        all.put(DELIVERY_SUBMIT, "数据共享-定期共享数据报送");
        all.put(ASSESSMENT_QUERY, "数据共享-报送及时率考核");
        all.put(SUBSCRIPTION_MANAGE, "数据共享-事件订阅管理");
        all.put(SUBSCRIPTION_OWN, "数据共享-本部门事件订阅");
        all.put(SHARING_GRANT_MANAGE, "数据共享-授权管理");
        all.put(SHARING_GRANT_QUERY, "数据共享-授权查询");
        all.put(SHARING_INTERFACE_CALL, "数据共享-实时接口调用");
        all.put(TAX_CALCULATION_RUN, "税收-税费测算");
        all.put(REGISTRATION_SUBMIT, "不动产登记-申请（窗口、延伸端口）");
        all.put(REGISTRATION_HANDLE, "不动产登记-受理、审核、登簿、缮证");
        all.put(REGISTRATION_QUERY, "不动产登记-申请与待办查询");
        all.put(REGISTRATION_FEE_CONFIRM, "不动产登记-登记费收费确认");
        all.put(TAX_DECLARATION_CREATE, "税收-申报（免填单）");
        all.put(TAX_DECLARATION_QUERY, "税收-申报查询");
        all.put(TAX_DECLARATION_ASSESS, "税收-核定计税价格");
        all.put(TAX_PAYMENT_CONFIRM, "税收-缴款确认");
        all.put(TAX_RECEIPT_VOID, "税收-完税凭证作废");
        all.put(TAX_BENCHMARK_PRICE_EDIT, "税收-标准房基准价格维护");
        all.put(TAX_BENCHMARK_PRICE_QUERY, "税收-标准房基准价格查询");
        all.put(REGISTRATION_PROPERTY_QUERY, "不动产登记-登记信息查询");
        all.put(REGISTRATION_STATISTICS_QUERY, "不动产登记-办件统计");
        all.put(REGISTRATION_MATERIAL_UPLOAD, "不动产登记-收件材料上传");
        all.put(REGISTRATION_APPOINTMENT_BOOK, "不动产登记-网上预约");
        all.put(REGISTRATION_APPOINTMENT_ATTEND, "不动产登记-预约到场登记");
        all.put(REGISTRATION_CERTIFICATE_QUERY, "不动产登记-电子证照查看下载");
        all.put(HOUSING_RECORD_ISSUE, "不动产登记-无房证明/住房信息查询结果出具");
        all.put(MONITORING_MARKET_QUERY, "市场监测-房地产市场监测查询");
        return java.util.Collections.unmodifiableMap(all);
    }
}
