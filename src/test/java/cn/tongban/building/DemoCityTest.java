package cn.tongban.building;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.IntegrationTest;

/** Issue #2 item 7: the demo city of Changzhou, loaded only into an empty 楼盘表. */
@IntegrationTest
class DemoCityTest {

    @Autowired
    MockMvc http;
    @Autowired
    Projects projects;
    @Autowired
    Buildings buildings;
    @Autowired
    UnitImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    UnitOwners owners;

    @Test
    void demoCityHasFiftyProjectsThreeHundredBuildingsAndThirtyThousandUnitsOfChangzhou() {
        DemoCity demo = new DemoCity(projects, buildings, importer, jdbc, transaction, owners);
        long units = demo.load();

        String demoProjects = "SELECT id FROM project WHERE parcel_code ~ '^[0-9]{6}00[1-7]00[1-3]GB001[0-4][0-9]$'";
        assertThat(jdbc.sql("SELECT count(*) FROM (" + demoProjects + ") p").query(Long.class).single()).isEqualTo(DemoCity.PROJECTS);
        assertThat(jdbc.sql("SELECT count(DISTINCT district_code) FROM project WHERE id IN (" + demoProjects + ")").query(Long.class).single())
                .isEqualTo(DemoCity.DISTRICTS.size());
        assertThat(jdbc.sql("SELECT count(*) FROM building WHERE project_id IN (" + demoProjects + ")").query(Long.class).single())
                .isEqualTo(300);
        assertThat(units).isGreaterThanOrEqualTo(30_000);
        String demoUnits = "SELECT u.unit_code FROM unit u JOIN building b ON b.id = u.building_id WHERE b.project_id IN (" + demoProjects + ")";
        assertThat(jdbc.sql("SELECT count(*) FROM (" + demoUnits + ") u").query(Long.class).single()).isEqualTo(units);
        // most buildings are on sale under a permit; completed estates have registered owners, some mortgaged
        assertThat(jdbc.sql("SELECT count(*) FROM unit WHERE trade_status = 'AVAILABLE' AND unit_code IN (" + demoUnits + ")")
                .query(Long.class).single()).isGreaterThan(units / 2);
        assertThat(jdbc.sql("SELECT count(*) FROM unit_owner WHERE unit_code IN (" + demoUnits + ")").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM unit WHERE mortgaged AND unit_code IN (" + demoUnits + ")").query(Long.class).single()).isPositive();
    }

    @Test
    void demoIsNotLoadedIntoANonEmptyDatabase() throws Exception {
        new BuildingFixture(http).project("320411");
        long before = jdbc.sql("SELECT count(*) FROM project").query(Long.class).single();
        new DemoCity(projects, buildings, importer, jdbc, transaction, owners).run(new DefaultApplicationArguments());
        assertThat(jdbc.sql("SELECT count(*) FROM project").query(Long.class).single()).isEqualTo(before);
    }
}
