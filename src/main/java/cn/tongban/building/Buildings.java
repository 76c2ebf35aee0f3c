package cn.tongban.building;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.building.BuildingController.BuildingRequest;
import cn.tongban.building.BuildingController.SalePermitRequest;
import cn.tongban.dictionary.Dictionaries;
import cn.tongban.dictionary.DictionaryTypes;
import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.RealEstateUnitCode;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/** 幢 of the 楼盘表 and their sale permits: their rules and their tables. */
@Service
class Buildings {

    private static final String SELECT = """
            SELECT b.*, (SELECT count(*) FROM unit u WHERE u.building_id = b.id) AS unit_count
              FROM building b JOIN project p ON p.id = b.project_id""";

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Dictionaries dictionaries;
    private final BuildingScope scope;
    private final AuditLog audit;

    Buildings(JdbcClient jdbc, Projects projects, Dictionaries dictionaries, BuildingScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.dictionaries = dictionaries;
        this.scope = scope;
        this.audit = audit;
    }

    @Transactional
    BuildingView create(BuildingRequest request) {
        String code = buildingCode(request);
        if (jdbc.sql("SELECT count(*) FROM building WHERE building_code = ?").param(code).query(Long.class).single() > 0) {
            throw new ConflictException("building.code-taken", code);
        }
        long id = jdbc.sql("""
                INSERT INTO building (project_id, building_code, name, floors_above, floors_below, structure,
                                      planned_completion, actual_completion)
                VALUES (:project, :code, :name, :above, :below, :structure, :planned, :actual) RETURNING id""")
                .paramSource(params(request, code)).query(Long.class).single();
        audit.record(AuditRecord.change("create", "building", Long.toString(id), null));
        return get(id);
    }

    @Transactional
    BuildingView update(long id, BuildingRequest request) {
        BuildingView current = get(id);
        if (request.version() == null) {
            throw new RuleViolationException(new Violation("version", "version.required"));
        }
        String code = buildingCode(request);
        if (!code.equals(current.buildingCode()) && current.unitCount() > 0) {
            // the code is the prefix of every unit's 不动产单元代码 in the building
            throw new ConflictException("building.code-fixed", current.unitCount());
        }
        Map<String, Object> floors = jdbc.sql("SELECT max(floor) AS top, min(floor) AS bottom FROM unit WHERE building_id = ?")
                .param(id).query().singleRow();
        int below = request.floorsBelow() == null ? 0 : request.floorsBelow();
        if (floors.get("top") != null && (((Number) floors.get("top")).intValue() > request.floorsAbove()
                || ((Number) floors.get("bottom")).intValue() < -below)) {
            // the 楼盘表 cannot have units on floors their building does not have
            throw new ConflictException("building.floors-hold-units", floors.get("bottom"), floors.get("top"));
        }
        int updated = jdbc.sql("""
                UPDATE building SET project_id = :project, building_code = :code, name = :name, floors_above = :above,
                       floors_below = :below, structure = :structure, planned_completion = :planned,
                       actual_completion = :actual, version = version + 1, updated_at = now()
                 WHERE id = :id AND version = :version""")
                .paramSource(params(request, code).addValue("id", id).addValue("version", request.version())).update();
        if (updated == 0) {
            throw new ConflictException("version.stale");
        }
        audit.record(AuditRecord.change("update", "building", Long.toString(id), null));
        return get(id);
    }

    /** The building, if the caller's scope includes its project. */
    BuildingView get(long id) {
        BuildingScope.Clause visible = scope.projects();
        List<Object> args = new ArrayList<>(visible.args());
        args.add(id);
        return jdbc.sql(SELECT + " WHERE " + visible.sql() + " AND b.id = ?").params(args).query(Buildings::view).optional()
                .orElseThrow(() -> new NotFoundException("building", id));
    }

    Page<BuildingView> list(Long projectId, PageRequest page) {
        BuildingScope.Clause visible = scope.projects();
        String where = " WHERE " + visible.sql() + (projectId == null ? "" : " AND b.project_id = ?");
        List<Object> args = new ArrayList<>(visible.args());
        if (projectId != null) {
            args.add(projectId);
        }
        long total = jdbc.sql("SELECT count(*) FROM building b JOIN project p ON p.id = b.project_id" + where).params(args)
                .query(Long.class).single();
        List<BuildingView> items = jdbc.sql(SELECT + where + " ORDER BY b.id LIMIT " + page.size() + " OFFSET " + page.offset())
                .params(args).query(Buildings::view).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Transactional
    SalePermitView addPermit(long buildingId, SalePermitRequest request) {
        BuildingView building = get(buildingId);
        List<Violation> violations = new ArrayList<>();
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            violations.add(new Violation("validTo", "permit.validity-order"));
        }
        if (request.validFrom().isBefore(request.issuedOn())) {
            violations.add(new Violation("validFrom", "permit.before-issue"));
        }
        List<String> codes = request.unitCodes() == null
                ? jdbc.sql("SELECT unit_code FROM unit WHERE building_id = ? ORDER BY unit_code").param(buildingId).query(String.class).list()
                : request.unitCodes();
        for (int i = 0; i < codes.size(); i++) {
            String field = "unitCodes[" + i + "]";
            try {
                RealEstateUnitCode code = RealEstateUnitCode.of(codes.get(i));
                if (!code.isBuilding() || !code.buildingCode().equals(building.buildingCode())) {
                    violations.add(new Violation(field, "permit.unit-not-in-building", code.value(), building.buildingCode()));
                } else if (jdbc.sql("SELECT count(*) FROM unit WHERE unit_code = ?").param(code.value()).query(Long.class).single() == 0) {
                    violations.add(new Violation(field, "permit.unit-unknown", code.value()));
                }
            } catch (InvalidValueException e) {
                violations.add(e.at(field));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (jdbc.sql("SELECT count(*) FROM sale_permit WHERE permit_no = ?").param(request.permitNo().strip()).query(Long.class).single() > 0) {
            throw new ConflictException("permit.number-taken", request.permitNo().strip());
        }
        long id = jdbc.sql("""
                INSERT INTO sale_permit (building_id, kind, permit_no, issued_on, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(buildingId, request.kind().name(), request.permitNo().strip(), request.issuedOn(),
                        request.validFrom(), request.validTo())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO sale_permit_unit (permit_id, unit_code) SELECT ?, unnest(?::text[]) ON CONFLICT DO NOTHING")
                .params(id, codes.toArray(String[]::new)).update();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        if (!request.validFrom().isAfter(today) && (request.validTo() == null || !request.validTo().isBefore(today))) {
            // 建房规〔2020〕4号 一（四）: 商品房预售许可、现售备案 change the units' 交易状况 in the 楼盘表
            jdbc.sql("""
                    INSERT INTO unit_status_change (unit_code, aspect, old_value, new_value, reason, source_document, recorded_by)
                    SELECT unit_code, 'TRADE_STATUS', trade_status, 'AVAILABLE', ?, ?, 'building'
                      FROM unit WHERE unit_code = ANY(?) AND trade_status = 'UNAVAILABLE' ORDER BY unit_code""")
                    .params(request.kind() == SalePermitKind.PRESALE ? "取得商品房预售许可" : "商品房现售备案",
                            request.permitNo().strip(), codes.toArray(String[]::new))
                    .update();
        }
        audit.record(AuditRecord.change("create", "sale-permit", Long.toString(id), null));
        return permit(id);
    }

    List<SalePermitView> permits(long buildingId) {
        get(buildingId);
        return jdbc.sql(PERMIT_SELECT + " WHERE p.building_id = ? ORDER BY p.valid_from, p.id").param(buildingId)
                .query(Buildings::permitView).list();
    }

    private SalePermitView permit(long id) {
        return jdbc.sql(PERMIT_SELECT + " WHERE p.id = ?").param(id).query(Buildings::permitView).single();
    }

    private static final String PERMIT_SELECT = """
            SELECT p.*, (SELECT count(*) FROM sale_permit_unit pu WHERE pu.permit_id = p.id) AS unit_count FROM sale_permit p""";

    private String buildingCode(BuildingRequest request) {
        ProjectView project = projects.get(request.projectId());
        List<Violation> violations = new ArrayList<>();
        String parcel = request.parcelCode() == null || request.parcelCode().isBlank() ? project.parcelCode() : request.parcelCode().strip();
        String code = null;
        try {
            RealEstateUnitCode unit = RealEstateUnitCode.of(parcel + "F" + request.buildingNumber() + "0001");
            if (!unit.countyCode().equals(project.districtCode())) {
                violations.add(new Violation("parcelCode", "project.parcel-outside-district", unit.countyCode(), project.districtCode()));
            }
            code = unit.buildingCode();
        } catch (InvalidValueException e) {
            violations.add(new Violation("parcelCode", "project.parcel-code", parcel));
        }
        try {
            dictionaries.require(DictionaryTypes.BUILDING_STRUCTURE, request.structure());
        } catch (InvalidValueException e) {
            violations.add(e.at("structure"));
        }
        if (request.actualCompletion() != null
                && request.actualCompletion().isAfter(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))) {
            violations.add(new Violation("actualCompletion", "building.completion-in-future"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return code;
    }

    private static MapSqlParameterSource params(BuildingRequest request, String code) {
        return new MapSqlParameterSource()
                .addValue("project", request.projectId())
                .addValue("code", code)
                .addValue("name", request.name().strip())
                .addValue("above", request.floorsAbove())
                .addValue("below", request.floorsBelow() == null ? 0 : request.floorsBelow())
                .addValue("structure", request.structure())
                .addValue("planned", request.plannedCompletion())
                .addValue("actual", request.actualCompletion());
    }

    private static BuildingView view(ResultSet rs, int row) throws SQLException {
        return new BuildingView(rs.getLong("id"), rs.getLong("project_id"), rs.getString("building_code"), rs.getString("name"),
                rs.getInt("floors_above"), rs.getInt("floors_below"), rs.getString("structure"),
                rs.getObject("planned_completion", LocalDate.class), rs.getObject("actual_completion", LocalDate.class),
                rs.getLong("unit_count"), rs.getLong("version"));
    }

    private static SalePermitView permitView(ResultSet rs, int row) throws SQLException {
        return new SalePermitView(rs.getLong("id"), rs.getLong("building_id"), SalePermitKind.valueOf(rs.getString("kind")),
                rs.getString("permit_no"), rs.getObject("issued_on", LocalDate.class), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getLong("unit_count"));
    }
}
