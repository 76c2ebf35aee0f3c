package cn.tongban.restriction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.tongban.building.BuildingTable;
import cn.tongban.building.TradeStatus;
import cn.tongban.building.UnitView;
import cn.tongban.identity.PlatformActor;
import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.UnifiedSocialCreditCode;
import cn.tongban.restriction.RestrictionRegistry.SeizureKind;

/**
 * Demo restrictions (demo profile only): a few seizures, mortgages on registered homes, one project-wide 限售 lock and
 * twenty dishonest debtors — recorded through the same services as the API, and only while the restriction tables
 * are empty. Runs when the application is ready, i.e. after every {@code ApplicationRunner}, the demo city's included.
 */
@Component
@Profile("demo")
class DemoRestrictions {

    private static final Logger log = LoggerFactory.getLogger(DemoRestrictions.class);

    static final String COURT = "常州市天宁区人民法院";
    private static final int PROJECTS_SEARCHED = 500;
    private static final String[] NAMES = {"赵志强", "钱晓东", "孙丽华", "李国平", "周建军", "吴海燕", "郑永福", "王志刚", "冯玉兰",
            "陈金龙", "褚卫东", "卫小平", "蒋红梅", "沈伟民", "韩春生", "杨秀珍", "朱德明", "秦立新", "尤建华", "许文斌"};
    private static final String[][] BANKS = {{"中国工商银行股份有限公司常州分行", "91320400"}, {"中国建设银行股份有限公司常州分行", "91320401"},
            {"江苏江南农村商业银行股份有限公司", "91320402"}};

    private final BuildingTable buildings;
    private final Seizures seizures;
    private final Mortgages mortgages;
    private final PolicyLocks locks;
    private final DishonestDebtors debtors;
    private final JdbcClient jdbc;

    DemoRestrictions(BuildingTable buildings, Seizures seizures, Mortgages mortgages, PolicyLocks locks,
            DishonestDebtors debtors, JdbcClient jdbc) {
        this.buildings = buildings;
        this.seizures = seizures;
        this.mortgages = mortgages;
        this.locks = locks;
        this.debtors = debtors;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE) // before the start-up banner
    void ready() {
        if (jdbc.sql("""
                SELECT (SELECT count(*) FROM seizure) + (SELECT count(*) FROM mortgage) + (SELECT count(*) FROM policy_lock)
                     + (SELECT count(*) FROM dishonest_debtor)""").query(Long.class).single() > 0) {
            log.info("Restrictions not empty: demo restrictions not loaded");
            return;
        }
        PlatformActor.run("demo-loader", this::load);
    }

    void load() {
        List<Long> projects = new ArrayList<>();
        List<UnitView> registered = new ArrayList<>();
        for (long id = 1; id <= PROJECTS_SEARCHED && (registered.size() < 9 || projects.size() < 2); id++) {
            List<String> units;
            try {
                units = buildings.unitCodesOfProject(id);
            } catch (NotFoundException e) {
                continue;
            }
            if (units.isEmpty()) {
                continue;
            }
            projects.add(id);
            for (int i = 0; i < units.size() && registered.size() < 9; i += 7) {
                buildings.findUnit(units.get(i)).filter(u -> u.tradeStatus() == TradeStatus.REGISTERED).ifPresent(registered::add);
            }
        }
        LocalDate today = UnitFlags.today();
        int seized = 0;
        for (int i = 0; i < Math.min(3, registered.size()); i++) {
            seizures.create(new Seizures.NewSeizure(registered.get(i).unitCode(), SeizureKind.SEIZURE, COURT,
                    "（2026）苏0402执%d号".formatted(1234 + i), today.minusDays(30 + i * 7), today.plusYears(3)));
            seized++;
        }
        if (!registered.isEmpty()) {
            // 轮候查封: a second court waits behind the first seizure of the first unit
            seizures.create(new Seizures.NewSeizure(registered.get(0).unitCode(), SeizureKind.SEIZURE, "常州市钟楼区人民法院",
                    "（2026）苏0404执保218号", today.minusDays(10), today.plusYears(3)));
            seized++;
        }
        int mortgaged = 0;
        for (int i = 3; i < registered.size(); i++) {
            String[] bank = BANKS[i % BANKS.length];
            mortgages.create(new Mortgages.NewMortgage(registered.get(i).unitCode(), bank[0],
                    UnifiedSocialCreditCode.withCheckCharacters(bank[1] + "%08d".formatted(13_800_000 + i)).value(),
                    "苏（2025）常州市不动产证明第%07d号".formatted(300_000 + i), new BigDecimal(600_000 + i * 50_000), null,
                    today.minusMonths(6 + i)));
            mortgaged++;
        }
        if (registered.size() > 3) {
            // a second mortgage (第二顺位) on the first mortgaged home
            mortgages.create(new Mortgages.NewMortgage(registered.get(3).unitCode(), BANKS[2][0],
                    UnifiedSocialCreditCode.withCheckCharacters(BANKS[2][1] + "%08d".formatted(13_899_999)).value(),
                    "苏（2026）常州市不动产证明第0012345号", new BigDecimal("200000.00"), null, today.minusMonths(1)));
            mortgaged++;
        }
        if (projects.size() >= 2) {
            locks.create(new PolicyLocks.NewLock(null, projects.get(1), today.plusYears(2),
                    "新建商品住房取得不动产权证未满2年，不得上市交易", "常住建〔2026〕18号"));
        }
        for (int i = 0; i < NAMES.length; i++) {
            String idNumber = CitizenIdNumber.withCheckCharacter("320402%04d%02d%02d%03d".formatted(1960 + i * 2, 1 + i % 12,
                    1 + (i * 3) % 28, 100 + i * 17)).value();
            debtors.create(new DishonestDebtors.NewDebtor(idNumber, NAMES[i], "（2025）苏0402执%d号".formatted(3000 + i * 11), COURT,
                    today.minusDays(20 + i * 9L)));
        }
        log.info("Demo restrictions loaded: {} seizures, {} mortgages, {} policy lock, {} dishonest debtors", seized, mortgaged,
                projects.size() >= 2 ? 1 : 0, NAMES.length);
    }
}
