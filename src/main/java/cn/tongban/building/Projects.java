package cn.tongban.building;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.building.ProjectController.ProjectRequest;
import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.RealEstateUnitCode;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.UnifiedSocialCreditCode;
import cn.tongban.kernel.Violation;

/** 项目 of the 楼盘表: their rules and their table. */
@Service
class Projects {

    private static final String SELECT = """
            SELECT p.*, (SELECT count(*) FROM building b WHERE b.project_id = p.id) AS building_count FROM project p""";

    private final JdbcClient jdbc;
    private final BuildingScope scope;
    private final AuditLog audit;

    Projects(JdbcClient jdbc, BuildingScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    @Transactional
    ProjectView create(ProjectRequest request) {
        check(request);
        requireWritable(request);
        if (jdbc.sql("SELECT count(*) FROM project WHERE district_code = ? AND name = ?")
                .params(request.districtCode().code(), request.name().strip()).query(Long.class).single() > 0) {
            throw new ConflictException("project.name-taken", request.name().strip());
        }
        long id = jdbc.sql("""
                INSERT INTO project (name, developer_credit_code, district_code, parcel_code, land_use, land_term_start, land_term_end)
                VALUES (:name, :developer, :district, :parcel, :landUse, :termStart, :termEnd) RETURNING id""")
                .paramSource(params(request)).query(Long.class).single();
        audit.record(AuditRecord.change("create", "project", Long.toString(id), null));
        return get(id);
    }

    @Transactional
    ProjectView update(long id, ProjectRequest request) {
        get(id);
        if (request.version() == null) {
            throw new RuleViolationException(new Violation("version", "version.required"));
        }
        check(request);
        requireWritable(request);
        int updated = jdbc.sql("""
                UPDATE project SET name = :name, developer_credit_code = :developer, district_code = :district,
                       parcel_code = :parcel, land_use = :landUse, land_term_start = :termStart, land_term_end = :termEnd,
                       version = version + 1, updated_at = now()
                 WHERE id = :id AND version = :version""")
                .paramSource(params(request).addValue("id", id).addValue("version", request.version())).update();
        if (updated == 0) {
            throw new ConflictException("version.stale");
        }
        audit.record(AuditRecord.change("update", "project", Long.toString(id), null));
        return get(id);
    }

    /** The project, if the caller's scope includes it. */
    ProjectView get(long id) {
        BuildingScope.Clause visible = scope.projects();
        List<Object> args = new ArrayList<>(visible.args());
        args.add(id);
        return jdbc.sql(SELECT + " WHERE " + visible.sql() + " AND p.id = ?").params(args).query(Projects::view).optional()
                .orElseThrow(() -> new NotFoundException("project", id));
    }

    private void requireWritable(ProjectRequest request) {
        if (!scope.mayWrite(request.districtCode().code(), request.developerCreditCode().value())) {
            String field = scope.caller().isEnterprise() ? "developerCreditCode" : "districtCode";
            throw new RuleViolationException(new Violation(field, "scope.outside"));
        }
    }

    Page<ProjectView> list(AdministrativeDivision district, String name, UnifiedSocialCreditCode developer, PageRequest page) {
        BuildingScope.Clause visible = scope.projects();
        StringBuilder where = new StringBuilder(" WHERE " + visible.sql());
        List<Object> args = new ArrayList<>(visible.args());
        if (district != null) {
            where.append(" AND p.district_code = ?");
            args.add(district.code());
        }
        if (name != null && !name.isBlank()) {
            where.append(" AND p.name LIKE ?");
            args.add(Units.containing(name));
        }
        if (developer != null) {
            where.append(" AND p.developer_credit_code = ?");
            args.add(developer.value());
        }
        long total = jdbc.sql("SELECT count(*) FROM project p" + where).params(args).query(Long.class).single();
        List<ProjectView> items = jdbc.sql(SELECT + where + " ORDER BY p.id LIMIT " + page.size() + " OFFSET " + page.offset())
                .params(args).query(Projects::view).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static void check(ProjectRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (!request.districtCode().isCountyLevel()) {
            violations.add(new Violation("districtCode", "project.district-not-county", request.districtCode().code()));
        }
        try {
            // a 宗地代码 is a 不动产单元代码 without its 定着物 part (GB/T 37346-2019: W00000000)
            RealEstateUnitCode parcel = RealEstateUnitCode.of(request.parcelCode().strip() + "W00000000");
            if (!parcel.countyCode().equals(request.districtCode().code())) {
                violations.add(new Violation("parcelCode", "project.parcel-outside-district", parcel.countyCode(),
                        request.districtCode().code()));
            }
        } catch (InvalidValueException e) {
            violations.add(new Violation("parcelCode", "project.parcel-code", request.parcelCode()));
        }
        if (request.landTermStart() != null && request.landTermEnd() != null
                && !request.landTermEnd().isAfter(request.landTermStart())) {
            violations.add(new Violation("landTermEnd", "project.land-term-order"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(ProjectRequest request) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("name", request.name().strip())
                .addValue("developer", request.developerCreditCode().value())
                .addValue("district", request.districtCode().code())
                .addValue("parcel", request.parcelCode().strip())
                .addValue("landUse", request.landUse().strip())
                .addValue("termStart", request.landTermStart())
                .addValue("termEnd", request.landTermEnd());
    }

    private static ProjectView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String district = rs.getString("district_code");
        return new ProjectView(rs.getLong("id"), rs.getString("name"), rs.getString("developer_credit_code"), district,
                AdministrativeDivision.find(district).map(AdministrativeDivision::name).orElse(null),
                rs.getString("parcel_code"), rs.getString("land_use"), rs.getObject("land_term_start", java.time.LocalDate.class),
                rs.getObject("land_term_end", java.time.LocalDate.class), rs.getLong("building_count"), rs.getLong("version"));
    }
}
