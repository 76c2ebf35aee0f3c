package cn.tongban.identity;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.tongban.kernel.UnifiedSocialCreditCode;

/**
 * Demo mode only: the departments of Changzhou with one staff user per role (password {@code demo}) and the
 * department systems {@code bank-demo}, {@code fund-demo}, {@code tax-demo}, {@code police-demo},
 * {@code court-demo}, {@code developer-demo} and {@code broker-demo} (secret {@code <client-id>-secret}), all
 * listed in the README. Outside demo mode, {@link DemoCredentialGuard} refuses to start while they exist.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoIdentities implements ApplicationRunner {

    static final String PASSWORD = "demo";
    /** The developer of 龙城花园, the demo city's first project (cn.tongban.building.DemoCity). */
    static final String DEMO_DEVELOPER = "91320402731000004R";
    private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

    /** One demo department: its users (user name = role code unless given) and its system client. */
    private record Demo(String name, DepartmentType type, String creditCode, List<String> districts, List<String> roles,
            String client) {
    }

    private static final List<Demo> DEPARTMENTS = List.of(
            new Demo("常州市住房和城乡建设局", DepartmentType.HOUSING, gov(1), List.of(), List.of("housing-admin", "housing-clerk"), null),
            new Demo("常州市天宁区房产交易管理中心", DepartmentType.HOUSING, gov(2), List.of("320402"), List.of("tianning-clerk"), null),
            new Demo("常州市新北区房产交易管理中心", DepartmentType.HOUSING, gov(3), List.of("320411"), List.of("xinbei-clerk"), null),
            new Demo("国家税务总局常州市税务局", DepartmentType.TAX, gov(4), List.of(), List.of("tax-officer"), "tax-demo"),
            new Demo("常州市不动产登记中心", DepartmentType.REGISTRATION, gov(5), List.of(), List.of("registrar"), null),
            new Demo("常州市住房公积金管理中心", DepartmentType.PROVIDENT_FUND, gov(6), List.of(), List.of("fund-officer"), "fund-demo"),
            new Demo("常州市公安局", DepartmentType.POLICE, gov(7), List.of(), List.of("police-officer"), "police-demo"),
            new Demo("常州市中级人民法院", DepartmentType.COURT, gov(8), List.of(), List.of("court-officer"), "court-demo"),
            new Demo("常州市民政局", DepartmentType.CIVIL_AFFAIRS, gov(9), List.of(), List.of("civil-affairs-officer"), null),
            new Demo("常州市发展和改革委员会", DepartmentType.PRICE_ASSESSMENT, gov(10), List.of(), List.of("price-assessor"), null),
            new Demo("常州市大数据管理中心", DepartmentType.BIG_DATA, gov(11), List.of(), List.of("auditor"), null),
            new Demo("常州市市场监督管理局", DepartmentType.MARKET_REGULATION, gov(12), List.of(), List.of("market-officer"), null),
            new Demo("中国工商银行股份有限公司常州分行", DepartmentType.BANK, company(1), List.of(), List.of("bank-officer"), "bank-demo"),
            new Demo("龙城花园开发企业（演示）", DepartmentType.DEVELOPER, DEMO_DEVELOPER, List.of(), List.of("developer-clerk"), "developer-demo"),
            new Demo("常州安居房产经纪有限公司（演示）", DepartmentType.BROKERAGE, company(2), List.of(), List.of("broker"), "broker-demo"));

    private final Accounts accounts;
    private final CitizenAccounts citizens;
    private final RealNameRegistry realNames;
    private final JdbcClient jdbc;

    DemoIdentities(Accounts accounts, CitizenAccounts citizens, RealNameRegistry realNames, JdbcClient jdbc) {
        this.accounts = accounts;
        this.citizens = citizens;
        this.realNames = realNames;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM department").query(Long.class).single() > 0) {
            return;
        }
        for (Demo demo : DEPARTMENTS) {
            boolean cityWide = demo.districts().isEmpty() && !demo.type().isEnterprise();
            long id = accounts.department(UnifiedSocialCreditCode.of(demo.creditCode()), demo.name(), demo.type(),
                    cityWide || demo.type() == DepartmentType.BROKERAGE, demo.districts());
            for (String user : demo.roles()) {
                String role = user.endsWith("-clerk") && !demo.districts().isEmpty() ? "housing-clerk" : user;
                accounts.staff(user, demo.name() + " " + user, id, PASSWORD, true, List.of(role));
            }
            if (demo.client() != null) {
                accounts.systemClient(demo.client(), demo.name() + " 业务系统", demo.client() + "-secret", id, true,
                        List.of(demo.roles().get(0)));
            }
        }
        citizens.create(cn.tongban.kernel.CitizenIdNumber.of(DemoCitizen.ID_NUMBER), DemoCitizen.NAME, PASSWORD, true);
        realNames.record(DemoCitizen.ID_NUMBER, DemoCitizen.NAME, "常州市公安局户籍信息（演示）");
        log.info("Demo identities created: {} departments and a citizen; all are listed in README.md", DEPARTMENTS.size());
    }

    /** 统一社会信用代码 of a government organ (登记管理部门 1 机构编制, 机构类别 1 机关) in Changzhou. */
    private static String gov(int n) {
        return UnifiedSocialCreditCode.withCheckCharacters("11320400" + "MB%06d".formatted(n)).value();
    }

    private static String company(int n) {
        return UnifiedSocialCreditCode.withCheckCharacters("91320400" + "MA%06d".formatted(n)).value();
    }
}
