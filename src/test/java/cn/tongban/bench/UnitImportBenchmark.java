package cn.tongban.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * Issue #2 benchmark: generates a 1,000,000-unit CSV, imports it through {@code POST /api/v1/units/imports}
 * over real HTTP, and in the same run COPYs the same file into a bare table of the same columns (no key, no index,
 * no check) — the ceiling. Goal: at least 50 % of the ceiling and at least 20,000 units/s.
 *
 * <p>Run with {@code mvn -Pbench verify} (see README); {@code -Dbench.units=N} changes the size. The platform runs
 * in demo mode, so the benchmark signs in as the demo user {@code housing-admin}.
 */
final class UnitImportBenchmark {

    private static final int FLOORS = 25;
    private static final int PER_FLOOR = 20;
    private static final String DISTRICT = "320411";

    static void run(BenchPlatform platform, int units) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        platform.signIn("housing-admin");
        int buildings = (units + FLOORS * PER_FLOOR - 1) / (FLOORS * PER_FLOOR);
        Building[] buildingList = setUp(platform, buildings);
        Path csv = dir.resolve("units-" + units + ".csv");
        Path keyed = dir.resolve("units-" + units + "-with-building-id.csv");
        long bytes = generate(csv, keyed, buildingList, units);
        System.out.printf(Locale.ROOT, "%nGenerated %,d units in %s (%,d MB), %d buildings%n", units, csv, bytes >> 20, buildings);

        DataSource db = platform.app.getBean("ownerDataSource", DataSource.class); // creates the reference tables
        double ceiling = copyCeiling(db, csv, units);
        double schema = copyIntoUnitShape(db, keyed, units);
        double imported = importThroughApi(platform, csv, units, "first import (all inserted)");
        double again = importThroughApi(platform, csv, units, "same file again (all unchanged)");

        System.out.printf(Locale.ROOT, """

                ================ 楼盘表 import benchmark (%,d units, %d cores) ================
                ceiling: plain COPY into a bare table     %,10.0f units/s
                reference: COPY into a table shaped like
                  unit (its key, indexes, checks, FK)     %,10.0f units/s  = %5.1f %% of ceiling
                import API, first time (insert)           %,10.0f units/s  = %5.1f %% of ceiling
                import API, same file again (no change)   %,10.0f units/s  = %5.1f %% of ceiling
                goal: >= 50 %% of ceiling and >= 20,000 units/s -> %s
                ===========================================================================
                %n""", units, Runtime.getRuntime().availableProcessors(), ceiling, schema, 100 * schema / ceiling,
                imported, 100 * imported / ceiling, again, 100 * again / ceiling,
                imported >= 0.5 * ceiling && imported >= 20_000 ? "MET" : "NOT MET");
    }

    record Building(long id, String code) {
    }

    private static Building[] setUp(BenchPlatform platform, int buildings) throws Exception {
        long projectId = platform.postJson("/api/v1/projects", """
                {"name":"基准测试项目","developerCreditCode":"%s","districtCode":"%s","parcelCode":"%s009009GB00001",
                 "landUse":"城镇住宅用地"}""".formatted(cn.tongban.TestData.creditCode(), DISTRICT, DISTRICT), 201).get("id").asLong();
        Building[] list = new Building[buildings];
        for (int b = 0; b < buildings; b++) {
            var body = platform.postJson("/api/v1/buildings", """
                    {"projectId":%d,"buildingNumber":"%04d","name":"%d幢","floorsAbove":%d,"structure":"3"}"""
                    .formatted(projectId, b + 1, b + 1, FLOORS), 201);
            list[b] = new Building(body.get("id").asLong(), body.get("buildingCode").asText());
        }
        return list;
    }

    /** Writes the import file and, for the unit-shaped reference, the same rows with their building's id. */
    private static long generate(Path csv, Path keyed, Building[] buildings, int units) throws IOException {
        Random random = new Random(1);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             BufferedWriter withId = Files.newBufferedWriter(keyed, StandardCharsets.UTF_8)) {
            out.write("unitCode,houseCode,location,floor,roomNo,buildingArea,innerArea,sharedArea,houseUse,landUse,houseNature,houseType,roomLayout,layoutStructure,orientation,houseState\n");
            for (int i = 0; i < units; i++) {
                int b = i / (FLOORS * PER_FLOOR);
                int seq = i % (FLOORS * PER_FLOOR) + 1;
                int floor = (seq - 1) / PER_FLOOR + 1;
                int area = 6000 + random.nextInt(12000);
                int shared = area * 18 / 100;
                String unitCode = buildings[b].code() + "%04d".formatted(seq);
                String rest = "常州市新北区通江大道%d号基准花园%d幢%d%02d室,%d,%d%02d,%d.%02d,%d.%02d,%d.%02d,11,城镇住宅用地,0,01,03,01,02,01\n"
                        .formatted(b + 1, b + 1, floor, (seq - 1) % PER_FLOOR + 1, floor, floor,
                                (seq - 1) % PER_FLOOR + 1, area / 100, area % 100, (area - shared) / 100, (area - shared) % 100,
                                shared / 100, shared % 100);
                String houseCode = DISTRICT + "%06d".formatted(i);
                out.write(unitCode + "," + houseCode + "," + rest);
                withId.write(unitCode + "," + houseCode + "," + buildings[b].id() + "," + rest);
            }
        }
        return Files.size(csv);
    }

    /**
     * The schema's own ceiling: the same rows COPYed by PostgreSQL into a table with the unit table's primary key,
     * indexes, checks and foreign key — what any import that keeps those costs at least.
     */
    private static double copyIntoUnitShape(DataSource db, Path keyed, int units) throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("CREATE TABLE bench_unit_shape (LIKE unit INCLUDING ALL)");
            c.createStatement().execute("ALTER TABLE bench_unit_shape ADD FOREIGN KEY (building_id) REFERENCES building (id)");
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(keyed)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        COPY bench_unit_shape (unit_code, house_code, building_id, location, floor, room_no, building_area, inner_area,
                            shared_area, house_use, land_use, house_nature, house_type, room_layout, layout_structure, orientation,
                            house_state) FROM STDIN (FORMAT csv)""", in, 1 << 16);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            c.createStatement().execute("DROP TABLE bench_unit_shape");
            System.out.printf(Locale.ROOT, "unit-shaped COPY: %,d rows in %.2f s%n", units, seconds);
            return units / seconds;
        }
    }

    /** The ceiling: the same file COPYed by PostgreSQL into a table of the same columns with nothing to maintain. */
    private static double copyCeiling(DataSource db, Path csv, int units) throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("""
                    CREATE TABLE bench_copy_ceiling (unit_code CHAR(28), house_code TEXT, location TEXT, floor INT, room_no TEXT,
                        building_area NUMERIC(12,2), inner_area NUMERIC(12,2), shared_area NUMERIC(12,2), house_use TEXT,
                        land_use TEXT, house_nature TEXT, house_type TEXT, room_layout TEXT, layout_structure TEXT,
                        orientation TEXT, house_state TEXT)""");
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(csv)) {
                long rows = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY bench_copy_ceiling FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
                if (rows != units) {
                    throw new IllegalStateException("COPY loaded " + rows + " rows, not " + units);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            c.createStatement().execute("DROP TABLE bench_copy_ceiling");
            System.out.printf(Locale.ROOT, "ceiling COPY: %,d rows in %.2f s%n", units, seconds);
            return units / seconds;
        }
    }

    private static double importThroughApi(BenchPlatform platform, Path csv, int units, String what) throws Exception {
        long start = System.nanoTime();
        String body = platform.send(platform.request("/api/v1/units/imports")
                .header("Content-Type", "text/csv").header("X-File-Name", csv.getFileName().toString())
                .POST(HttpRequest.BodyPublishers.ofFile(csv)), 200);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!body.contains("\"rejected\":0")) {
            throw new IllegalStateException("import rejected rows: " + body.substring(0, Math.min(2000, body.length())));
        }
        System.out.printf(Locale.ROOT, "import API, %s: %,d rows in %.2f s -> %s%n", what, units, seconds,
                body.replaceAll("(?s).*(\"totalRows\".*?\"rejected\":\\d+).*", "$1"));
        return units / seconds;
    }
}
