package cn.tongban.filing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;

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

/**
 * The demo city's filed sales: about forty new-home sales per district spread over the last twelve months, at
 * district price levels with a few far off, so that the market monitoring page (建房规〔2020〕4号 五（十三）) shows
 * something on a fresh demo. Filed through {@link Contracts} like any sale (verification, events, PDF); only the
 * filing time is then moved back into its month, as if filed then. Loaded by the {@code demo} profile into an empty
 * contract table, after the demo city and its restrictions.
 */
@Component
@Profile("demo")
class DemoContracts {

    private static final Logger log = LoggerFactory.getLogger(DemoContracts.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int PER_DISTRICT = 40;
    private static final int PROJECTS_SEARCHED = 500;
    /** Demo price levels, yuan per m² of building area. */
    private static final Map<String, Integer> LEVELS = Map.of("320402", 21000, "320404", 19500, "320411", 23000,
            "320412", 16000, "320413", 11000, "320481", 9500);

    private final Contracts contracts;
    private final BuildingTable buildings;
    private final JdbcClient jdbc;

    DemoContracts(Contracts contracts, BuildingTable buildings, JdbcClient jdbc) {
        this.contracts = contracts;
        this.buildings = buildings;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 10) // after the demo restrictions, before the start-up banner
    void ready() {
        if (jdbc.sql("SELECT count(*) FROM contract").query(Long.class).single() > 0) {
            log.info("Contracts not empty: demo contracts not loaded");
            return;
        }
        PlatformActor.run("demo-loader", this::load);
    }

    void load() {
        Random random = new Random(20201113L);
        Map<String, Integer> filed = new java.util.HashMap<>();
        LocalDate today = LocalDate.now(CHINA);
        int total = 0;
        for (long project = 1; project <= PROJECTS_SEARCHED && total < PER_DISTRICT * LEVELS.size(); project++) {
            List<String> units;
            try {
                units = buildings.unitCodesOfProject(project);
            } catch (NotFoundException e) {
                continue;
            }
            for (int i = 0; i < units.size(); i += 11) {
                UnitView unit = buildings.findUnit(units.get(i)).orElse(null);
                if (unit == null || unit.tradeStatus() != TradeStatus.AVAILABLE || unit.buildingArea() == null
                        || !LEVELS.containsKey(unit.districtCode()) || filed.getOrDefault(unit.districtCode(), 0) >= PER_DISTRICT) {
                    continue;
                }
                // mostly within ±15 % of the district's level; one in twenty far below or far above it
                double factor = 0.85 + random.nextDouble() * 0.30;
                int odd = random.nextInt(20);
                if (odd == 0) {
                    factor = 0.45 + random.nextDouble() * 0.15;
                } else if (odd == 1) {
                    factor = 1.65 + random.nextDouble() * 0.3;
                }
                BigDecimal price = unit.buildingArea().multiply(BigDecimal.valueOf(LEVELS.get(unit.districtCode()) * factor))
                        .setScale(-2, RoundingMode.HALF_UP).setScale(2);
                LocalDate day = today.minusDays(random.nextInt(360));
                String buyer = CitizenIdNumber.withCheckCharacter("3204%02d19%02d%02d%02d%03d".formatted(random.nextInt(5) + 2,
                        60 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000))).value();
                ContractRequest request = new ContractRequest(ContractType.NEW_SALE, unit.unitCode(), day, price, null, null,
                        List.of(new ContractRequest.Party("02", unit.developerCreditCode(), "开发企业（演示）", null, null, null)),
                        List.of(new ContractRequest.Party("01", buyer, "买受人（演示）", null, null, null)), null, null, null, null);
                try {
                    String code = contracts.file(request, null).contract().filingCode();
                    OffsetDateTime at = day.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(CHINA).toOffsetDateTime();
                    jdbc.sql("UPDATE contract SET filed_at = ? WHERE filing_code = ?").params(at, code).update();
                    filed.merge(unit.districtCode(), 1, Integer::sum);
                    total++;
                } catch (RuntimeException e) {
                    // a unit the verification refuses (restricted, locked …) is simply not sold in the demo
                    log.debug("demo sale of {} not filed: {}", unit.unitCode(), e.getMessage());
                }
            }
        }
        log.info("Demo contracts: {} new-home sales filed over the last twelve months", total);
    }
}
