package cn.tongban.restriction;

import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.RealEstateUnitCode;
import cn.tongban.restriction.RestrictionRegistry.SeizureKind;
import cn.tongban.restriction.Seizures.SeizureView;

/** 查封 and 预查封 pushed by the courts (建房〔2020〕61号 六). */
@RestController
@RequestMapping("/api/v1/seizures")
class SeizureController {

    private final Seizures seizures;

    SeizureController(Seizures seizures) {
        this.seizures = seizures;
    }

    /**
     * @param unitCode   不动产单元代码 of the unit seized
     * @param kind       SEIZURE (查封) or PRE_SEIZURE (预查封)
     * @param court      the court, e.g. 常州市天宁区人民法院
     * @param documentNo the ruling, e.g. （2026）苏0402执1234号
     * @param validFrom  查封起始日期
     * @param validTo    查封截止日期, if any
     */
    record SeizureRequest(@NotNull RealEstateUnitCode unitCode, @NotNull SeizureKind kind, @NotBlank @Size(max = 100) String court,
            @NotBlank @Size(max = 100) String documentNo, @NotNull LocalDate validFrom, LocalDate validTo) {
    }

    /** @param documentNo the document that orders the release (解除查封裁定书) */
    record ReleaseRequest(@NotBlank @Size(max = 100) String documentNo) {
    }

    @PreAuthorize("hasAuthority('" + Permissions.SEIZURE_CREATE + "')")
    @PostMapping
    ResponseEntity<SeizureView> create(@Valid @RequestBody SeizureRequest request) {
        SeizureView created = seizures.create(new Seizures.NewSeizure(request.unitCode().value(), request.kind(), request.court(),
                request.documentNo(), request.validFrom(), request.validTo()));
        return ResponseEntity.created(URI.create("/api/v1/seizures/" + created.id())).body(created);
    }

    @PreAuthorize("hasAuthority('" + Permissions.SEIZURE_RELEASE + "')")
    @PostMapping("/{id}/release")
    SeizureView release(@PathVariable long id, @Valid @RequestBody ReleaseRequest request) {
        return seizures.release(id, request.documentNo());
    }

    @PreAuthorize("hasAuthority('" + Permissions.SEIZURE_QUERY + "')")
    @GetMapping
    Page<SeizureView> list(@RequestParam RealEstateUnitCode unitCode, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return seizures.ofUnit(unitCode.value(), new PageRequest(page, size));
    }
}
