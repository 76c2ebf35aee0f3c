package cn.tongban.building;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.tongban.identity.Permissions;
import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.Masking;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.PersonalDataVisibility;

/**
 * The 楼盘表 pages: projects, their buildings, a building's floor-by-unit grid coloured by 交易状况 and marked by
 * 权利状况 (建房规〔2020〕4号 一（三）、（四）), the unit card and the bulk import. Everything is read through this
 * module's services, in the caller's scope ({@link BuildingScope}): what the API would not show, the pages do not.
 */
@Controller
@RequestMapping("/console/buildings")
class BuildingPages {

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    /** Changzhou, whose districts the project search offers. */
    private static final String CITY = "320400";

    private final Projects projects;
    private final Buildings buildings;
    private final Units units;
    private final UnitImportReports reports;
    private final PersonalDataVisibility visibility;

    BuildingPages(Projects projects, Buildings buildings, Units units, UnitImportReports reports, PersonalDataVisibility visibility) {
        this.projects = projects;
        this.buildings = buildings;
        this.units = units;
        this.reports = reports;
        this.visibility = visibility;
    }

    @PreAuthorize("hasAuthority('" + Permissions.PROJECT_QUERY + "')")
    @GetMapping
    String projects(@RequestParam(required = false) String name, @RequestParam(required = false) String district,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AdministrativeDivision division = null;
        if (district != null && !district.isBlank()) {
            try {
                division = AdministrativeDivision.of(district);
            } catch (InvalidValueException e) {
                model.addAttribute("districtError", true);
            }
        }
        model.addAttribute("name", name);
        model.addAttribute("district", district);
        model.addAttribute("districts", AdministrativeDivision.of(CITY).children().stream()
                .filter(AdministrativeDivision::isCountyLevel).toList());
        model.addAttribute("projects", projects.list(division, name, null, new PageRequest(Math.max(page, 0), 20)));
        return "building/projects";
    }

    @PreAuthorize("hasAuthority('" + Permissions.PROJECT_QUERY + "') and hasAuthority('" + Permissions.BUILDING_QUERY + "')")
    @GetMapping("/projects/{id}")
    String project(@PathVariable long id, Model model) {
        model.addAttribute("project", projects.get(id));
        model.addAttribute("buildings", buildings.list(id, new PageRequest(0, PageRequest.MAX_SIZE)).items());
        return "building/project";
    }

    /** One floor of the grid: its number and its units, rooms left to right. */
    record Floor(int floor, List<Units.Cell> cells) {
    }

    @PreAuthorize("hasAuthority('" + Permissions.UNIT_QUERY + "')")
    @GetMapping("/{buildingId}")
    String grid(@PathVariable long buildingId, Model model) {
        BuildingView building = buildings.get(buildingId); // outside the caller's scope: not found
        Map<Integer, List<Units.Cell>> byFloor = new LinkedHashMap<>();
        for (Units.Cell cell : units.grid(buildingId)) {
            byFloor.computeIfAbsent(cell.floor(), f -> new ArrayList<>()).add(cell);
        }
        model.addAttribute("building", building);
        model.addAttribute("project", projects.get(building.projectId()));
        model.addAttribute("floors", byFloor.entrySet().stream().map(e -> new Floor(e.getKey(), e.getValue())).toList());
        model.addAttribute("statuses", TradeStatus.values());
        return "building/grid";
    }

    /** An owner as the card shows it: masked unless the caller may see personal data. */
    record OwnerLine(String name, String idType, String idNumber, String coOwnership, String share, String certificateNo) {
    }

    /** The unit card, a fragment the grid loads beside itself with htmx. */
    @PreAuthorize("hasAuthority('" + Permissions.UNIT_QUERY + "')")
    @GetMapping("/units/{unitCode}")
    String unit(@PathVariable String unitCode, Model model) {
        UnitView unit = units.get(unitCode);
        boolean full = visibility.showsFull();
        model.addAttribute("unit", unit);
        model.addAttribute("owners", unit.owners().stream().map(o -> new OwnerLine(full ? o.name() : Masking.name(o.name()),
                o.idType(), full ? o.idNumber() : Masking.identifier(o.idNumber()), o.coOwnership(), o.share(), o.certificateNo()))
                .toList());
        // the times as of Asia/Shanghai, whatever offset the database answered in
        model.addAttribute("history", units.history(unitCode).stream().map(h -> new StatusChange(h.id(), h.unitCode(), h.aspect(),
                h.oldValue(), h.newValue(), h.reason(), h.sourceDocument(), h.recordedBy(),
                h.occurredAt().atZoneSameInstant(CHINA).toOffsetDateTime())).toList());
        return "building/unit-card :: card";
    }

    @PreAuthorize("hasAuthority('" + Permissions.UNIT_IMPORT + "')")
    @GetMapping("/import")
    String importForm() {
        return "building/import";
    }

    /** An import's report with its row errors (the first page of them, as GET /api/v1/units/imports/{id}/errors). */
    @PreAuthorize("hasAuthority('" + Permissions.UNIT_IMPORT + "')")
    @GetMapping("/import/{id}")
    String importReport(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("report", reports.describe(id, 1));
        model.addAttribute("errors", reports.errors(id, new PageRequest(Math.max(page, 0), 100)));
        return "building/import-report";
    }
}
