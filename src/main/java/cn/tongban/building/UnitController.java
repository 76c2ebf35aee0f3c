package cn.tongban.building;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.RealEstateUnitCode;

/** 楼盘表 units (户): listing, the unit card, its status history, status changes and the bulk import. */
@RestController
@RequestMapping("/api/v1/units")
class UnitController {

    private final Units units;
    private final UnitImporter importer;
    private final UnitImportReports reports;
    private final CurrentCaller callers;

    UnitController(Units units, UnitImporter importer, UnitImportReports reports, CurrentCaller callers) {
        this.callers = callers;
        this.units = units;
        this.importer = importer;
        this.reports = reports;
    }

    @PreAuthorize("hasAuthority('" + Permissions.UNIT_QUERY + "')")
    @GetMapping
    Page<UnitView> list(@RequestParam(required = false) Long projectId, @RequestParam(required = false) Long buildingId,
            @RequestParam(required = false) AdministrativeDivision districtCode,
            @RequestParam(required = false) TradeStatus tradeStatus, @RequestParam(required = false) String houseUse,
            @RequestParam(required = false) Boolean seized, @RequestParam(required = false) Boolean mortgaged,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return units.list(new Units.Filter(projectId, buildingId, districtCode == null ? null : districtCode.code(),
                tradeStatus, houseUse, seized, mortgaged), new PageRequest(page, size));
    }

    @PreAuthorize("hasAuthority('" + Permissions.UNIT_QUERY + "')")
    @GetMapping("/{unitCode}")
    UnitView get(@PathVariable RealEstateUnitCode unitCode) {
        return units.get(unitCode.value());
    }

    @PreAuthorize("hasAuthority('" + Permissions.UNIT_QUERY + "')")
    @GetMapping("/{unitCode}/history")
    List<StatusChange> history(@PathVariable RealEstateUnitCode unitCode) {
        return units.history(unitCode.value());
    }

    /**
     * @param aspect          TRADE_STATUS or one of the 权利状况 flags
     * @param value           a {@link TradeStatus} name, or true / false for a flag
     * @param reason          why
     * @param sourceDocument  the document behind the change (permit, filing code, court ruling)
     * @param expectedVersion the unit version last read
     */
    record StatusChangeRequest(@NotNull StatusAspect aspect, @NotBlank String value, @NotBlank @Size(max = 500) String reason,
            @NotBlank @Size(max = 200) String sourceDocument, @NotNull @PositiveOrZero Long expectedVersion) {
    }

    @PreAuthorize("hasAuthority('" + Permissions.UNIT_STATUS_CHANGE + "')")
    @PostMapping("/{unitCode}/status-changes")
    UnitView changeStatus(@PathVariable RealEstateUnitCode unitCode, @Valid @RequestBody StatusChangeRequest request) {
        units.changeStatus(unitCode.value(), request.aspect(), request.value(), request.reason(),
                request.sourceDocument(), callers.get().actorId(), request.expectedVersion());
        return units.get(unitCode.value());
    }

    /**
     * Streams a CSV of units (UTF-8, header row with the field names) into the 楼盘表. Valid rows are upserted by
     * 不动产单元代码; each invalid row is reported with its line number, field and rule.
     */
    @PreAuthorize("hasAuthority('" + Permissions.UNIT_IMPORT + "')")
    @PostMapping(path = "/imports", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    UnitImportReports.Summary importCsv(InputStream body, @RequestHeader(name = "X-File-Name", required = false) String fileName,
            @RequestHeader(name = "Content-Length", required = false) Long length) {
        UnitImportReport report = importer.importCsv(body, fileName, length == null ? -1 : length);
        return reports.describe(report.importId(), UnitImporter.ERRORS_IN_RESPONSE);
    }

    @PreAuthorize("hasAuthority('" + Permissions.UNIT_IMPORT + "')")
    @GetMapping("/imports/{id}")
    UnitImportReports.Summary importReport(@PathVariable UUID id) {
        return reports.describe(id, UnitImporter.ERRORS_IN_RESPONSE);
    }

    @PreAuthorize("hasAuthority('" + Permissions.UNIT_IMPORT + "')")
    @GetMapping("/imports/{id}/errors")
    Page<UnitImportReports.RowError> importErrors(@PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return reports.errors(id, new PageRequest(page, size));
    }
}
