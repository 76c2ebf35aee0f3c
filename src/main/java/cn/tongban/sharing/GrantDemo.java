package cn.tongban.sharing;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.tongban.identity.Caller;
import cn.tongban.identity.SystemClients;

/**
 * Demo mode only: grants for the demo department systems, so that each sharing interface answers them (README,
 * "数据共享"): each department what 建房〔2020〕61号 names for it, for a year from the first start. Seeded once per
 * department, after the demo identities exist.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
class GrantDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GrantDemo.class);

    /** One demo grant: the client whose department receives it, what, for which purposes, which fields in full. */
    private record Demo(String client, SharingInterface item, List<String> purposes, List<String> fullFields, String basis) {
    }

    static final String LOAN = "个人住房贷款审核";
    static final String AML = "反洗钱可疑交易监测";
    static final String FUND_LOAN = "住房公积金贷款";
    static final String FUND_RENT = "住房公积金租房提取";
    static final String TAX = "房屋交易纳税申报";
    static final String RESIDENCE = "居住证申领";
    static final String ENFORCEMENT = "司法案件执行";

    private static final List<Demo> DEMOS = List.of(
            new Demo("bank-demo", SharingInterface.CONTRACT, List.of(LOAN, AML), List.of("name"), "建房〔2020〕61号 二"),
            new Demo("bank-demo", SharingInterface.HOUSING, List.of(LOAN), List.of(), "建房〔2020〕61号 二"),
            new Demo("bank-demo", SharingInterface.LOAN_BASE, List.of(LOAN, AML), List.of(), "建房〔2020〕61号 二"),
            new Demo("fund-demo", SharingInterface.CONTRACT, List.of(FUND_LOAN, FUND_RENT), List.of("name"), "建房〔2020〕61号 三"),
            new Demo("fund-demo", SharingInterface.HOUSING, List.of(FUND_LOAN), List.of(), "建房〔2020〕61号 三"),
            new Demo("fund-demo", SharingInterface.LOAN_BASE, List.of(FUND_LOAN), List.of(), "建房〔2020〕61号 三"),
            new Demo("fund-demo", SharingInterface.RENT_WITHDRAWAL, List.of(FUND_RENT), List.of(), "建房〔2020〕61号 三"),
            new Demo("tax-demo", SharingInterface.TAX_SALE_CONTRACT, List.of(TAX), List.of("name", "idNumber"), "建房〔2020〕61号 四"),
            new Demo("police-demo", SharingInterface.RESIDENCE_CHECK, List.of(RESIDENCE), List.of(), "建房〔2020〕61号 五"),
            new Demo("court-demo", SharingInterface.HOUSING, List.of(ENFORCEMENT), List.of(), "建房〔2020〕61号 六"),
            new Demo("court-demo", SharingInterface.PERSON_CONTRACTS, List.of(ENFORCEMENT), List.of("name", "idNumber", "phone"),
                    "建房〔2020〕61号 六"),
            new Demo("court-demo", SharingInterface.SEIZURE, List.of(ENFORCEMENT), List.of(), "建房〔2020〕61号 六"),
            new Demo("court-demo", SharingInterface.DISHONEST_DEBTOR, List.of(ENFORCEMENT), List.of(), "建房〔2020〕61号 六"));

    private final Grants grants;
    private final SystemClients clients;

    GrantDemo(Grants grants, SystemClients clients) {
        this.grants = grants;
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(Grants.CHINA);
        int created = 0;
        for (String client : DEMOS.stream().map(Demo::client).distinct().toList()) {
            Caller system = clients.find(client).orElse(null);
            if (system == null || grants.anyOf(system.departmentCode())) {
                continue;
            }
            for (Demo demo : DEMOS.stream().filter(d -> d.client().equals(client)).toList()) {
                grants.create(new Grants.GrantRequest(system.departmentCode(), demo.item().name(), demo.purposes(), demo.fullFields(),
                        today.minusDays(1), today.plusYears(1), demo.basis()));
                created++;
            }
        }
        if (created > 0) {
            log.info("Demo sharing grants created: {} (see README, 数据共享)", created);
        }
    }
}
