package cn.tongban.building;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/** 户 of the 楼盘表: queries, and status changes through the append-only history. */
@Service
@Transactional(readOnly = true) // one audit chaining per request for all the owners it reads
class Units implements BuildingTable {

    /** The unit with its building and project, aliased u, b and p: what the scope condition ({@link BuildingScope}) reads. */
    private static final String JOINED = " FROM unit u JOIN building b ON b.id = u.building_id JOIN project p ON p.id = b.project_id";
    private static final String SELECT = "SELECT u.*, b.building_code, b.project_id, p.district_code, p.developer_credit_code" + JOINED;

    private final JdbcClient jdbc;
    private final BuildingScope scope;
    private final UnitOwners owners;
    private final AuditLog audit;

    Units(JdbcClient jdbc, BuildingScope scope, UnitOwners owners, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.owners = owners;
        this.audit = audit;
    }

    /** The unit, if the caller's scope includes its project. */
    @Override
    public Optional<UnitView> findUnit(String unitCode) {
        return findUnit(unitCode, scope.projects());
    }

    @Override
    public Optional<UnitView> findUnitCityWide(String unitCode) {
        return findUnit(unitCode, new BuildingScope.Clause("TRUE", List.of()));
    }

    private Optional<UnitView> findUnit(String unitCode, BuildingScope.Clause visible) {
        List<Object> args = new ArrayList<>(visible.args());
        args.add(unitCode);
        Optional<UnitView> unit = jdbc.sql(SELECT + " WHERE " + visible.sql() + " AND u.unit_code = ?").params(args)
                .query(Units::view).optional();
        return unit.map(u -> withOwners(u, owners(List.of(u.unitCode())).getOrDefault(u.unitCode(), List.of())));
    }

    UnitView get(String unitCode) {
        return findUnit(unitCode).orElseThrow(() -> new NotFoundException("unit", unitCode));
    }

    /** Filters of the unit listing; all optional. */
    record Filter(Long projectId, Long buildingId, String districtCode, TradeStatus tradeStatus, String houseUse,
            Boolean seized, Boolean mortgaged) {
    }

    Page<UnitView> list(Filter filter, PageRequest page) {
        BuildingScope.Clause visible = scope.projects();
        StringBuilder where = new StringBuilder(" WHERE " + visible.sql());
        List<Object> args = new ArrayList<>(visible.args());
        condition(where, args, "b.project_id", filter.projectId());
        condition(where, args, "u.building_id", filter.buildingId());
        condition(where, args, "p.district_code", filter.districtCode());
        condition(where, args, "u.trade_status", filter.tradeStatus() == null ? null : filter.tradeStatus().name());
        condition(where, args, "u.house_use", filter.houseUse());
        condition(where, args, "u.seized", filter.seized());
        condition(where, args, "u.mortgaged", filter.mortgaged());
        return page(where, args, page);
    }

    /** {@inheritDoc} The text is matched literally: {@code %} and {@code _} are no wildcards. */
    @Override
    public Page<UnitView> findUnitsByLocation(String text, PageRequest page) {
        BuildingScope.Clause visible = scope.projects();
        StringBuilder where = new StringBuilder(" WHERE " + visible.sql() + " AND u.location LIKE ?");
        List<Object> args = new ArrayList<>(visible.args());
        args.add(containing(text));
        return page(where, args, page);
    }

    @Override
    public Page<UnitView> findUnits(String text, TradeStatus tradeStatus, PageRequest page) {
        BuildingScope.Clause visible = scope.projects();
        StringBuilder where = new StringBuilder(" WHERE " + visible.sql());
        List<Object> args = new ArrayList<>(visible.args());
        if (text != null && !text.isBlank()) {
            where.append(" AND (u.unit_code LIKE ? OR u.location LIKE ?)");
            args.add(containing(text));
            args.add(containing(text));
        }
        condition(where, args, "u.trade_status", tradeStatus == null ? null : tradeStatus.name());
        return page(where, args, page);
    }

    /** A unit as a cell of the 楼盘表 grid: no owners, so drawing a building reads no personal data. */
    record Cell(String unitCode, int floor, String roomNo, TradeStatus tradeStatus, UnitView.Rights rights, String houseUse,
            java.math.BigDecimal buildingArea) {
    }

    /** The cells of a building in the caller's scope, floors from the top, rooms left to right. */
    List<Cell> grid(long buildingId) {
        BuildingScope.Clause visible = scope.projects();
        List<Object> args = new ArrayList<>(visible.args());
        args.add(buildingId);
        return jdbc.sql(SELECT + " WHERE " + visible.sql() + " AND u.building_id = ? ORDER BY u.floor DESC, u.room_no, u.unit_code")
                .params(args).query(Units::view).list().stream()
                .map(u -> new Cell(u.unitCode(), u.floor(), u.roomNo(), u.tradeStatus(), u.rights(), u.houseUse(), u.buildingArea()))
                .toList();
    }

    @Override
    public Optional<String> unitWithCertificate(String certificateNo) {
        return jdbc.sql("SELECT unit_code FROM unit_owner WHERE certificate_no = ? ORDER BY unit_code LIMIT 1")
                .param(certificateNo.strip()).query(String.class).optional();
    }

    /** A LIKE pattern for values containing the text literally ({@code %} and {@code _} escaped). */
    static String containing(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private Page<UnitView> page(StringBuilder where, List<Object> args, PageRequest page) {
        long total = jdbc.sql("SELECT count(*)" + JOINED + where)
                .params(args).query(Long.class).single();
        List<UnitView> items = jdbc.sql(SELECT + where + " ORDER BY u.unit_code LIMIT " + page.size() + " OFFSET " + page.offset())
                .params(args).query(Units::view).list();
        Map<String, List<UnitView.Owner>> owners = owners(items.stream().map(UnitView::unitCode).toList());
        items = items.stream().map(u -> withOwners(u, owners.getOrDefault(u.unitCode(), List.of()))).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    @Transactional(readOnly = false)
    public void changeStatus(String unitCode, StatusAspect aspect, String newValue, String reason,
            String sourceDocument, String recordedBy, Long expectedVersion) {
        List<Violation> violations = new ArrayList<>();
        String value = normalise(aspect, newValue, violations);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            violations.add(new Violation("reason", "status.reason-required"));
        }
        if (sourceDocument == null || sourceDocument.isBlank() || sourceDocument.length() > 200) {
            violations.add(new Violation("sourceDocument", "status.source-required"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        // lock the unit row: concurrent changes of the same unit are serialised, none is lost; a unit outside the
        // caller's scope is not found (one statement: this runs in every filing)
        BuildingScope.Clause visible = scope.projects();
        List<Object> args = new ArrayList<>(visible.args());
        args.add(unitCode);
        Map<String, Object> current = jdbc.sql("SELECT u.version, u." + column(aspect) + "::text AS value" + JOINED
                        + " WHERE " + visible.sql() + " AND u.unit_code = ? FOR UPDATE OF u")
                .params(args).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("unit", unitCode));
        long version = ((Number) current.get("version")).longValue();
        if (expectedVersion != null && expectedVersion != version) {
            throw new ConflictException("version.stale");
        }
        String old = (String) current.get("value");
        if (old.equals(value)) {
            throw new ConflictException("status.unchanged", aspect.name(), value);
        }
        audit.record(AuditRecord.change("status-change", "unit", unitCode, null));
        try {
            jdbc.sql("""
                    INSERT INTO unit_status_change (unit_code, aspect, old_value, new_value, reason, source_document, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(unitCode, aspect.name(), old, value, reason.strip(), sourceDocument.strip(), recordedBy)
                    .update();
        } catch (TransientDataAccessException e) {
            throw new ConflictException("version.stale");
        }
    }

    @Override
    public List<SalePermit> permitsCovering(String unitCode) {
        // the unit in the caller's scope and its permits in one statement: a unit outside the scope is not found
        BuildingScope.Clause visible = scope.projects();
        List<Object> args = new ArrayList<>(visible.args());
        args.add(unitCode);
        List<Optional<SalePermit>> rows = jdbc.sql("SELECT sp.permit_no, sp.kind, sp.valid_from, sp.valid_to" + JOINED
                        + " LEFT JOIN sale_permit_unit pu ON pu.unit_code = u.unit_code LEFT JOIN sale_permit sp ON sp.id = pu.permit_id"
                        + " WHERE " + visible.sql() + " AND u.unit_code = ? ORDER BY sp.valid_from")
                .params(args)
                .query((rs, n) -> rs.getString(1) == null ? Optional.<SalePermit>empty() : Optional.of(new SalePermit(rs.getString(1),
                        rs.getString(2), rs.getObject(3, java.time.LocalDate.class), rs.getObject(4, java.time.LocalDate.class))))
                .list();
        if (rows.isEmpty()) {
            throw new NotFoundException("unit", unitCode);
        }
        return rows.stream().flatMap(Optional::stream).toList();
    }

    @Override
    public List<StatusChange> history(String unitCode) {
        get(unitCode);
        return jdbc.sql("SELECT * FROM unit_status_change WHERE unit_code = ? ORDER BY id").param(unitCode)
                .query((rs, row) -> new StatusChange(rs.getLong("id"), rs.getString("unit_code"),
                        StatusAspect.valueOf(rs.getString("aspect")), rs.getString("old_value"), rs.getString("new_value"),
                        rs.getString("reason"), rs.getString("source_document"), rs.getString("recorded_by"),
                        rs.getObject("occurred_at", OffsetDateTime.class)))
                .list();
    }

    @Override
    public List<String> unitsOwnedBy(String idNumberIndex) {
        return jdbc.sql("SELECT DISTINCT unit_code FROM unit_owner WHERE id_number_index = ? ORDER BY 1").param(idNumberIndex)
                .query(String.class).list();
    }

    @Override
    @Transactional
    public void registerOwners(String unitCode, List<RegisteredOwner> registered) {
        if (findUnit(unitCode).isEmpty()) {
            throw new NotFoundException("unit", unitCode);
        }
        owners.register(unitCode, registered.stream().map(o -> new UnitOwners.Owner(o.name(), o.idType(), o.idNumber(), null,
                o.coOwnership(), o.share(), o.certificateNo(), o.registeredOn())).toList());
    }

    @Override
    public List<String> unitCodesOfProject(long projectId) {
        BuildingScope.Clause visible = scope.projects();
        List<Object> args = new ArrayList<>(visible.args());
        args.add(projectId);
        if (jdbc.sql("SELECT count(*) FROM project p WHERE " + visible.sql() + " AND p.id = ?").params(args)
                .query(Long.class).single() == 0) {
            throw new NotFoundException("project", projectId);
        }
        return jdbc.sql("SELECT u.unit_code FROM unit u JOIN building b ON b.id = u.building_id WHERE b.project_id = ? ORDER BY u.unit_code")
                .param(projectId).query(String.class).list();
    }

    private static String normalise(StatusAspect aspect, String value, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation("value", "status.value-required"));
            return null;
        }
        if (aspect.isFlag()) {
            String flag = value.strip().toLowerCase(Locale.ROOT);
            if (!flag.equals("true") && !flag.equals("false")) {
                violations.add(new Violation("value", "status.flag-value", value));
            }
            return flag;
        }
        try {
            return TradeStatus.valueOf(value.strip()).name();
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("value", "status.trade-status-value", value,
                    java.util.Arrays.stream(TradeStatus.values()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    private static String column(StatusAspect aspect) {
        // a closed set of column names, never user input
        return aspect.name().toLowerCase(Locale.ROOT);
    }

    private static void condition(StringBuilder where, List<Object> args, String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    /**
     * The owners of these units — personal data, so each owner read is audited (建房〔2020〕61号 八; issue #3 item 6),
     * with the owner's blind index so that a citizen can see who looked at their home.
     */
    private Map<String, List<UnitView.Owner>> owners(List<String> unitCodes) {
        Map<String, List<UnitView.Owner>> found = owners.of(unitCodes);
        found.forEach((unitCode, list) -> list.forEach(owner ->
                audit.record(AuditRecord.read("unit-owner", unitCode, owner.idNumberIndex()))));
        return found;
    }

    private static UnitView withOwners(UnitView u, List<UnitView.Owner> owners) {
        return new UnitView(u.unitCode(), u.houseCode(), u.buildingId(), u.buildingCode(), u.projectId(), u.districtCode(),
                u.developerCreditCode(),
                u.location(), u.floor(), u.roomNo(), u.buildingArea(), u.innerArea(), u.sharedArea(), u.houseUse(),
                u.landUse(), u.houseNature(), u.houseType(), u.roomLayout(), u.layoutStructure(), u.orientation(),
                u.houseState(), u.tradeStatus(), u.rights(), owners, u.version());
    }

    private static UnitView view(ResultSet rs, int row) throws SQLException {
        return new UnitView(rs.getString("unit_code"), rs.getString("house_code"), rs.getLong("building_id"),
                rs.getString("building_code"), rs.getLong("project_id"), rs.getString("district_code"),
                rs.getString("developer_credit_code"),
                rs.getString("location"), rs.getInt("floor"), rs.getString("room_no"), rs.getBigDecimal("building_area"),
                rs.getBigDecimal("inner_area"), rs.getBigDecimal("shared_area"), rs.getString("house_use"),
                rs.getString("land_use"), rs.getString("house_nature"), rs.getString("house_type"),
                rs.getString("room_layout"), rs.getString("layout_structure"), rs.getString("orientation"),
                rs.getString("house_state"), TradeStatus.valueOf(rs.getString("trade_status")),
                new UnitView.Rights(rs.getBoolean("advance_notice"), rs.getBoolean("seized"), rs.getBoolean("mortgaged"),
                        rs.getBoolean("objection"), rs.getBoolean("locked"), rs.getBoolean("construction_mortgage")),
                List.of(), rs.getLong("version"));
    }
}
