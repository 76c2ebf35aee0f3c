package cn.tongban.building;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;

/** 楼盘表 buildings (幢) and their presale permits / 现售备案. */
@RestController
@RequestMapping("/api/v1/buildings")
class BuildingController {

    private final Buildings buildings;

    BuildingController(Buildings buildings) {
        this.buildings = buildings;
    }

    /**
     * @param projectId      the project the building belongs to
     * @param parcelCode     宗地代码 the building stands on; the project's parcel if omitted
     * @param buildingNumber 幢号, 4 digits: with the parcel code it forms the first 24 characters of every unit's
     *                       不动产单元代码 in this building (GB/T 37346-2019)
     * @param name           e.g. 3幢
     * @param structure      建筑结构 (dictionary building_structure)
     */
    record BuildingRequest(@NotNull Long projectId, String parcelCode,
            @NotBlank @Pattern(regexp = "[0-9]{4}") String buildingNumber, @NotBlank @Size(max = 100) String name,
            @NotNull @Min(1) @Max(200) Integer floorsAbove, @Min(0) @Max(20) Integer floorsBelow,
            @NotBlank String structure, LocalDate plannedCompletion, LocalDate actualCompletion,
            @PositiveOrZero Long version) {
    }

    /**
     * @param kind      PRESALE (商品房预售许可) or SPOT_SALE (现售备案)
     * @param unitCodes the units covered; all units the building has now if omitted
     */
    record SalePermitRequest(@NotNull SalePermitKind kind, @NotBlank @Size(max = 60) String permitNo,
            @NotNull LocalDate issuedOn, @NotNull LocalDate validFrom, LocalDate validTo, List<String> unitCodes) {
    }

    @PreAuthorize("hasAuthority('" + Permissions.BUILDING_EDIT + "')")
    @PostMapping
    ResponseEntity<BuildingView> create(@Valid @RequestBody BuildingRequest request) {
        BuildingView created = buildings.create(request);
        return ResponseEntity.created(URI.create("/api/v1/buildings/" + created.id())).body(created);
    }

    @PreAuthorize("hasAuthority('" + Permissions.BUILDING_QUERY + "')")
    @GetMapping
    Page<BuildingView> list(@RequestParam(required = false) Long projectId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return buildings.list(projectId, new PageRequest(page, size));
    }

    @PreAuthorize("hasAuthority('" + Permissions.BUILDING_QUERY + "')")
    @GetMapping("/{id}")
    BuildingView get(@PathVariable long id) {
        return buildings.get(id);
    }

    /** Changes a building; the body's {@code version} must be the one last read (optimistic locking). */
    @PreAuthorize("hasAuthority('" + Permissions.BUILDING_EDIT + "')")
    @PutMapping("/{id}")
    BuildingView update(@PathVariable long id, @Valid @RequestBody BuildingRequest request) {
        return buildings.update(id, request);
    }

    @PreAuthorize("hasAuthority('" + Permissions.PERMIT_EDIT + "')")
    @PostMapping("/{id}/sale-permits")
    ResponseEntity<SalePermitView> addPermit(@PathVariable long id, @Valid @RequestBody SalePermitRequest request) {
        SalePermitView created = buildings.addPermit(id, request);
        return ResponseEntity.created(URI.create("/api/v1/buildings/" + id + "/sale-permits/" + created.id())).body(created);
    }

    @PreAuthorize("hasAuthority('" + Permissions.BUILDING_QUERY + "')")
    @GetMapping("/{id}/sale-permits")
    List<SalePermitView> permits(@PathVariable long id) {
        return buildings.permits(id);
    }
}
