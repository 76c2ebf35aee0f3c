package cn.tongban.building;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.building.BuildingController.BuildingRequest;
import cn.tongban.building.BuildingController.SalePermitRequest;
import cn.tongban.building.ProjectController.ProjectRequest;
import cn.tongban.identity.DemoCitizen;
import cn.tongban.identity.PlatformActor;
import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.UnifiedSocialCreditCode;

/**
 * The demo city: a deterministic 楼盘表 of Changzhou (常州, real district codes) — 50 projects, 300 buildings and
 * over 30,000 units, with presale permits, 现售备案 and some registered owners. Loaded by the {@code demo} profile,
 * and only into an empty 楼盘表, through the same services and bulk import the API uses.
 */
@Component
@Profile("demo")
class DemoCity implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

    static final int PROJECTS = 50;
    static final int BUILDINGS_PER_PROJECT = 6;
    /** 常州市: 天宁区, 钟楼区, 新北区, 武进区, 金坛区, 溧阳市 (GB/T 2260). */
    static final List<String> DISTRICTS = List.of("320402", "320404", "320411", "320412", "320413", "320481");
    private static final String[] ESTATE_WORDS = {"龙城", "天宁", "运河", "紫荆", "香树", "翠竹", "锦绣", "御景", "滨江", "青枫",
            "春江", "湖塘", "花园", "星河", "东方", "新城", "兰陵", "茶山", "雕庄", "红梅"};
    private static final String[] ESTATE_SUFFIX = {"花园", "名苑", "府", "华庭", "雅居", "新村", "公馆", "家园", "湾", "里"};
    private static final String[] ROADS = {"延陵西路", "和平北路", "劳动东路", "关河路", "晋陵路", "太湖东路", "通江大道", "长江路",
            "人民路", "常武路", "湖塘大道", "金坛大道", "燕山路", "昆仑路"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "马", "胡"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建国"};

    private final Projects projects;
    private final Buildings buildings;
    private final UnitImporter importer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final UnitOwners unitOwners;
    /** How many of the demo citizen's family's homes have been registered (two: see {@link DemoCitizen}). */
    private int demoFamilyHomes;

    DemoCity(Projects projects, Buildings buildings, UnitImporter importer, JdbcClient jdbc, TransactionTemplate transaction,
            UnitOwners unitOwners) {
        this.projects = projects;
        this.buildings = buildings;
        this.importer = importer;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.unitOwners = unitOwners;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM project").query(Long.class).single() > 0) {
            log.info("楼盘表 not empty: demo city not loaded");
            return;
        }
        PlatformActor.run("demo-loader", this::load);
    }

    /** Loads the demo city; returns the number of units. Runs as a platform actor with city-wide scope. */
    long load() {
        return PlatformActor.call("demo-loader", this::loadAsPlatform);
    }

    private long loadAsPlatform() {
        long started = System.nanoTime();
        Random random = new Random(20201); // deterministic: the same city on every machine
        long units = 0;
        for (int p = 0; p < PROJECTS; p++) {
            units += project(p, random);
        }
        log.info("Demo city loaded: {} projects, {} buildings, {} units in {} s", PROJECTS, PROJECTS * BUILDINGS_PER_PROJECT,
                units, (System.nanoTime() - started) / 1_000_000_000);
        return units;
    }

    private long project(int p, Random random) {
        String district = DISTRICTS.get(p % DISTRICTS.size());
        String parcel = district + "%03d%03dGB%05d".formatted(1 + p % 7, 1 + p % 3, 100 + p);
        int startYear = 2012 + p % 13;
        String name = ESTATE_WORDS[p % ESTATE_WORDS.length] + ESTATE_SUFFIX[(p / 2) % ESTATE_SUFFIX.length]
                + (p >= ESTATE_WORDS.length ? "二期" : "");
        ProjectView project = projects.create(new ProjectRequest(name, developer(p), AdministrativeDivision.of(district), parcel,
                p % 10 == 9 ? "商服用地" : "城镇住宅用地", LocalDate.of(startYear, 3, 1), LocalDate.of(startYear + 70, 2, 28), null));
        boolean completed = startYear <= 2021;
        String road = ROADS[p % ROADS.length];
        long units = 0;
        for (int b = 1; b <= BUILDINGS_PER_PROJECT; b++) {
            int floors = 6 + random.nextInt(28);
            int perFloor = Math.max(2, (100 + random.nextInt(20)) / floors + 1);
            BuildingView building = buildings.create(new BuildingRequest(project.id(), null, "%04d".formatted(b), b + "幢",
                    floors, random.nextInt(3), floors > 11 ? "3" : "4", LocalDate.of(startYear + 2, 12, 31),
                    completed ? LocalDate.of(startYear + 2, 11, 20) : null, null));
            StringBuilder csv = new StringBuilder(
                    "unitCode,houseCode,location,floor,roomNo,buildingArea,innerArea,sharedArea,houseUse,landUse,houseNature,houseType,roomLayout,layoutStructure,orientation,houseState\n");
            int seq = 0;
            for (int floor = 1; floor <= floors; floor++) {
                for (int n = 1; n <= perFloor; n++) {
                    seq++;
                    boolean shop = floor == 1 && p % 10 == 9;
                    BigDecimal area = BigDecimal.valueOf(60 + random.nextInt(120) + random.nextInt(100) / 100.0).setScale(2, RoundingMode.HALF_UP);
                    BigDecimal shared = area.multiply(new BigDecimal("0.18")).setScale(2, RoundingMode.HALF_UP);
                    String room = "%d%02d".formatted(floor, n);
                    int bedrooms = area.intValue() < 75 ? 2 : area.intValue() < 110 ? 3 : area.intValue() < 150 ? 4 : 5;
                    csv.append(building.buildingCode()).append("%04d".formatted(seq)).append(',')
                            .append("%s%02d%02d%04d".formatted(district, p, b, seq)).append(seq % 997 == 0 ? "-A" : "").append(',')
                            .append("常州市").append(AdministrativeDivision.of(district).name()).append(road).append(100 + p).append("号")
                            .append(name).append(b).append("幢").append(room).append("室,")
                            .append(floor).append(',').append(room).append(',')
                            .append(area.toPlainString()).append(',').append(area.subtract(shared).toPlainString()).append(',')
                            .append(shared.toPlainString()).append(',')
                            .append(shop ? "31" : "11").append(',')
                            .append(shop ? "商服用地" : "城镇住宅用地").append(",0,")
                            .append(shop ? "04" : area.intValue() > 144 ? "02" : "01").append(',')
                            .append("0").append(bedrooms).append(",01,")
                            .append("0").append(n % 2 == 0 ? 2 : 5).append(',')
                            .append(completed ? "02" : "01").append('\n');
                }
            }
            UnitImportReport report = importer.importCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                    "demo-" + building.buildingCode() + ".csv", csv.length());
            if (report.rejected() > 0) {
                throw new IllegalStateException("demo data rejected: " + report);
            }
            units += report.inserted();
            // 5 buildings of 6 are on sale: a presale permit for those under construction, 现售备案 for completed ones
            if (b <= 5) {
                buildings.addPermit(building.id(), new SalePermitRequest(completed ? SalePermitKind.SPOT_SALE : SalePermitKind.PRESALE,
                        (completed ? "常房现备" : "常房预售") + "〔" + (startYear + 1) + "〕" + (1000 + p * 10 + b) + "号",
                        LocalDate.of(startYear + 1, 6, 1), LocalDate.of(startYear + 1, 6, 1), null, null));
                if (completed) {
                    registerOwners(building.id(), random, startYear + 3);
                }
            }
        }
        return units;
    }

    /** In completed estates, about a third of the units have been sold and registered to their owners. */
    private void registerOwners(long buildingId, Random random, int year) {
        List<String> codes = jdbc.sql("SELECT unit_code FROM unit WHERE building_id = ? ORDER BY unit_code").param(buildingId)
                .query(String.class).list();
        transaction.executeWithoutResult(status -> {
            int certificate = 0;
            for (String code : codes) {
                if (random.nextInt(3) != 0) {
                    continue;
                }
                String certificateNo = "苏（%d）常州市不动产权第%07d号".formatted(year, (int) (buildingId * 1000 + ++certificate));
                boolean couple = random.nextBoolean();
                LocalDate registered = LocalDate.of(year, 5, 20);
                List<UnitOwners.Owner> owners = new ArrayList<>();
                owners.add(new UnitOwners.Owner(person(random), UnitOwners.RESIDENT_ID_CARD, citizen(random).value(),
                        phone(random), couple ? "02" : "01", null, certificateNo, registered));
                if (couple) {
                    owners.add(new UnitOwners.Owner(person(random), UnitOwners.RESIDENT_ID_CARD, citizen(random).value(),
                            phone(random), "02", null, certificateNo, registered));
                }
                if (demoFamilyHomes == 0) {
                    // the demo citizen and his wife own the first home registered in the demo city together (共同共有)
                    owners = List.of(
                            new UnitOwners.Owner(DemoCitizen.NAME, UnitOwners.RESIDENT_ID_CARD, DemoCitizen.ID_NUMBER,
                                    "13912345678", "02", null, certificateNo, registered),
                            new UnitOwners.Owner(DemoCitizen.SPOUSE_NAME, UnitOwners.RESIDENT_ID_CARD, DemoCitizen.SPOUSE_ID_NUMBER,
                                    "13912345679", "02", null, certificateNo, registered));
                    demoFamilyHomes++;
                } else if (demoFamilyHomes == 1) {
                    // and she owns the second one herself: the family has two homes (住房套数), he has one
                    owners = List.of(new UnitOwners.Owner(DemoCitizen.SPOUSE_NAME, UnitOwners.RESIDENT_ID_CARD,
                            DemoCitizen.SPOUSE_ID_NUMBER, "13912345679", "01", null, certificateNo, registered));
                    demoFamilyHomes++;
                }
                unitOwners.register(code, owners);
                jdbc.sql("""
                        INSERT INTO unit_status_change (unit_code, aspect, old_value, new_value, reason, source_document, recorded_by)
                        VALUES (?, 'TRADE_STATUS', 'AVAILABLE', 'REGISTERED', '转移登记完成', ?, 'demo')""")
                        .params(code, certificateNo).update();
                if (random.nextInt(4) == 0) {
                    jdbc.sql("""
                            INSERT INTO unit_status_change (unit_code, aspect, old_value, new_value, reason, source_document, recorded_by)
                            VALUES (?, 'MORTGAGED', 'false', 'true', '抵押权登记', ?, 'demo')""")
                            .params(code, "苏（%d）常州市不动产证明第%07d号".formatted(year, (int) (buildingId * 1000 + certificate))).update();
                }
            }
        });
    }

    private static String phone(Random random) {
        return "1" + (3 + random.nextInt(6)) + "%09d".formatted(random.nextInt(1_000_000_000));
    }

    private static String person(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** A valid 公民身份号码 of a Changzhou resident. */
    private static CitizenIdNumber citizen(Random random) {
        return CitizenIdNumber.withCheckCharacter(DISTRICTS.get(random.nextInt(DISTRICTS.size()))
                + "%04d%02d%02d%03d".formatted(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000)));
    }

    /** A valid 统一社会信用代码 of a Changzhou company (登记管理部门 9 工商, 机构类别 1 企业). */
    static UnifiedSocialCreditCode developer(int n) {
        return UnifiedSocialCreditCode.withCheckCharacters("91" + DISTRICTS.get(n % DISTRICTS.size()) + "%08d".formatted(73_100_000 + n * 37));
    }
}
