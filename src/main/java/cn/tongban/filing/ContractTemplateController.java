package cn.tongban.filing;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * The contract templates: the default of each type ({@code *}) and a district's own, which the district's housing
 * department edits (各地房屋交易合同示范文本, 建房规〔2020〕4号 一（三）). Placeholders such as {@code {filingCode}},
 * {@code {location}}, {@code {price}}, {@code {sellers}} and {@code {buyers}} are filled in when a contract is rendered.
 */
@RestController
class ContractTemplateController {

    /** A template's text and the version to change it from; {@code expectedVersion} is absent for a new one. */
    record TemplateRequest(@NotBlank @Size(max = 20000) String body, @PositiveOrZero Long expectedVersion) {
    }

    private final JdbcClient jdbc;
    private final CurrentCaller callers;
    private final AuditLog audit;

    ContractTemplateController(JdbcClient jdbc, CurrentCaller callers, AuditLog audit) {
        this.jdbc = jdbc;
        this.callers = callers;
        this.audit = audit;
    }

    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_QUERY + "')")
    @GetMapping("/api/v1/contract-templates")
    List<Map<String, Object>> templates() {
        return jdbc.sql("SELECT type, region, body, version, updated_at FROM contract_template ORDER BY type, region").query().listOfRows();
    }

    /** Creates or replaces the template of a type for a district; {@code *} is the default, for city-wide staff only. */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_TEMPLATE_EDIT + "')")
    @PutMapping("/api/v1/contract-templates/{type}/{region}")
    @Transactional
    Map<String, Object> put(@PathVariable ContractType type, @PathVariable String region, @Valid @RequestBody TemplateRequest request) {
        boolean cityWide = callers.get().allDistricts();
        if ("*".equals(region) ? !cityWide : !(AdministrativeDivision.of(region).isCountyLevel() && callers.get().seesDistrict(region))) {
            throw new RuleViolationException(new Violation("region", "scope.outside"));
        }
        if (!request.body().contains("{filingCode}")) {
            // the filing code is what ties the text to the filed contract (建房规〔2020〕4号 三（九）)
            throw new RuleViolationException(new Violation("body", "contract.template-needs-filing-code"));
        }
        int changed = request.expectedVersion() == null
                ? jdbc.sql("INSERT INTO contract_template (type, region, body) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(type.name(), region, request.body()).update()
                : jdbc.sql("UPDATE contract_template SET body = ?, version = version + 1, updated_at = now() WHERE type = ? AND region = ? AND version = ?")
                        .params(request.body(), type.name(), region, request.expectedVersion()).update();
        if (changed == 0) {
            throw new ConflictException("version.stale");
        }
        audit.record(AuditRecord.change("update", "contract-template", type + "/" + region, null));
        return jdbc.sql("SELECT type, region, body, version, updated_at FROM contract_template WHERE type = ? AND region = ?")
                .params(type.name(), region).query().singleRow();
    }
}
