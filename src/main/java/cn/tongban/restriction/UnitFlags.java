package cn.tongban.restriction;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.tongban.building.BuildingTable;
import cn.tongban.building.StatusAspect;
import cn.tongban.building.UnitView;
import cn.tongban.kernel.NotFoundException;

/**
 * The units restrictions are recorded on, and their 权利状况 flags: the unit is checked through the 楼盘表's API (in
 * the caller's scope: an invisible unit is not found), and a flag is set or cleared only through
 * {@link BuildingTable#changeStatus}, which keeps the unit's history (建房规〔2020〕4号 一（四）).
 */
@Component
class UnitFlags {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final BuildingTable buildings;
    private final JdbcClient jdbc;

    UnitFlags(BuildingTable buildings, JdbcClient jdbc) {
        this.buildings = buildings;
        this.jdbc = jdbc;
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /**
     * The unit if the caller sees it, after taking this module's lock on it until the transaction ends: the
     * restrictions of one unit and its flags change one request at a time (e.g. two stacked seizures at once).
     *
     * @throws NotFoundException as {@code notFound} if the caller does not see the unit
     */
    UnitView lock(String unitCode, NotFoundException notFound) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('restriction-unit:' || ?, 0))").param(unitCode)
                .query().listOfRows();
        return buildings.findUnit(unitCode).orElseThrow(() -> notFound);
    }

    UnitView lock(String unitCode) {
        return lock(unitCode, new NotFoundException("unit", unitCode));
    }

    /** The unit if the caller sees it. */
    UnitView visible(String unitCode) {
        return buildings.findUnit(unitCode).orElseThrow(() -> new NotFoundException("unit", unitCode));
    }

    /** The project's unit codes if the caller sees the project. */
    java.util.List<String> unitsOfProject(long projectId) {
        return buildings.unitCodesOfProject(projectId);
    }

    /** Sets the flag to {@code value} unless it has it already. */
    void set(UnitView unit, StatusAspect aspect, boolean value, String reason, String document, String recordedBy) {
        if (current(unit, aspect) != value) {
            buildings.changeStatus(unit.unitCode(), aspect, Boolean.toString(value), reason, document, recordedBy, null);
        }
    }

    /**
     * Marks a seizure, mortgage or policy lock released by a document: the three tables share the release columns.
     *
     * @param table one of {@code seizure}, {@code mortgage}, {@code policy_lock} — never user input
     */
    static void markReleased(JdbcClient jdbc, String table, long id, String documentNo, String releasedBy) {
        if (!java.util.Set.of("seizure", "mortgage", "policy_lock").contains(table)) {
            throw new IllegalArgumentException("not a restriction table: " + table);
        }
        jdbc.sql("UPDATE " + table + " " + """
                 SET released_at = now(), release_document_no = ?, released_by = ?, version = version + 1, updated_at = now()
                 WHERE id = ? AND released_at IS NULL""")
                .params(documentNo, releasedBy, id).update();
    }

    private static boolean current(UnitView unit, StatusAspect aspect) {
        return switch (aspect) {
            case SEIZED -> unit.rights().seized();
            case MORTGAGED -> unit.rights().mortgaged();
            case LOCKED -> unit.rights().locked();
            default -> throw new IllegalArgumentException("not a restriction flag: " + aspect);
        };
    }
}
