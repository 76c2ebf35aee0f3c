package cn.tongban.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.IntegrationTest;

/** 交易状况 and 权利状况 change only through the append-only history (issue #2 item 6). */
@IntegrationTest
class UnitStatusTest {

    @Autowired
    MockMvc http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.tongban.OwnerDatabase ownerDatabase;

    String unit;

    @BeforeEach
    void unit() throws Exception {
        BuildingFixture fixture = new BuildingFixture(http);
        String building = fixture.building(6).get("buildingCode").asText();
        fixture.importCsv(BuildingFixture.HEADER + "\n" + BuildingFixture.row(building, 1, 3));
        unit = building + "0001";
    }

    private ResultActions change(String aspect, String value, long expectedVersion) throws Exception {
        return http.perform(post("/api/v1/units/" + unit + "/status-changes").contentType(MediaType.APPLICATION_JSON).content("""
                {"aspect":"%s","value":"%s","reason":"法院查封","sourceDocument":"（2026）苏0411执123号","expectedVersion":%d}"""
                .formatted(aspect, value, expectedVersion)));
    }

    @Test
    void seizureIsRecordedInTheHistoryAndShownOnTheUnit() throws Exception {
        change("SEIZED", "true", 0).andExpect(status().isOk())
                .andExpect(jsonPath("$.rights.seized").value(true))
                .andExpect(jsonPath("$.version").value(1));
        http.perform(get("/api/v1/units/" + unit + "/history"))
                .andExpect(jsonPath("$[0].aspect").value("SEIZED"))
                .andExpect(jsonPath("$[0].oldValue").value("false"))
                .andExpect(jsonPath("$[0].newValue").value("true"))
                .andExpect(jsonPath("$[0].sourceDocument").value("（2026）苏0411执123号"));
    }

    @Test
    void staleVersionIsRefusedAndRecordsNothing() throws Exception {
        change("SEIZED", "true", 0).andExpect(status().isOk());
        change("MORTGAGED", "true", 0).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("version.stale"));
        http.perform(get("/api/v1/units/" + unit)).andExpect(jsonPath("$.rights.mortgaged").value(false));
        assertThat(jdbc.sql("SELECT count(*) FROM unit_status_change WHERE unit_code = ?").param(unit).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unknownTradeStatusIsRejectedByName() throws Exception {
        change("TRADE_STATUS", "SOLD", 0).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.errors[0].code").value("status.trade-status-value"));
    }

    @Test
    void statusColumnsCannotBeChangedBehindTheHistorysBack() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE unit SET seized = TRUE WHERE unit_code = ?").param(unit).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("changes only through unit_status_change");
    }

    @Test
    void historyCannotBeEditedOrDeleted() throws Exception {
        change("LOCKED", "true", 0).andExpect(status().isOk());
        // the application's role may not even try; the owner is stopped by the trigger
        assertThatThrownBy(() -> jdbc.sql("UPDATE unit_status_change SET reason = 'x' WHERE unit_code = ?").param(unit).update())
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM unit_status_change WHERE unit_code = ?").param(unit).update())
                .hasStackTraceContaining("permission denied");
        JdbcClient owner = ownerDatabase.jdbc();
        assertThatThrownBy(() -> owner.sql("UPDATE unit_status_change SET reason = 'x' WHERE unit_code = ?").param(unit).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("DELETE FROM unit_status_change WHERE unit_code = ?").param(unit).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void malformedUnitCodeInThePathIsABadRequestNamingIt() throws Exception {
        http.perform(get("/api/v1/units/32041100")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].code").value("unit-code.length"));
    }
}
