package cn.tongban.restriction;

import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
import cn.tongban.restriction.PolicyLocks.LockView;
import cn.tongban.restriction.SeizureController.ReleaseRequest;

/** 限售 and other policy locks of the housing department, on a unit or on every unit of a project. */
@RestController
@RequestMapping("/api/v1/policy-locks")
class PolicyLockController {

    private final PolicyLocks locks;

    PolicyLockController(PolicyLocks locks) {
        this.locks = locks;
    }

    /**
     * @param unitCode   the unit locked, or
     * @param projectId  the project whose units are all locked (exactly one of the two)
     * @param until      last day of the lock (inclusive)
     * @param reason     why, e.g. 取得不动产权证未满2年
     * @param documentNo the policy document, e.g. 常住建〔2026〕12号
     */
    record LockRequest(RealEstateUnitCode unitCode, @Positive Long projectId, @NotNull LocalDate until,
            @NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 100) String documentNo) {
    }

    @PreAuthorize("hasAuthority('" + Permissions.LOCK_CREATE + "')")
    @PostMapping
    ResponseEntity<LockView> create(@Valid @RequestBody LockRequest request) {
        LockView created = locks.create(new PolicyLocks.NewLock(request.unitCode() == null ? null : request.unitCode().value(),
                request.projectId(), request.until(), request.reason(), request.documentNo()));
        return ResponseEntity.created(URI.create("/api/v1/policy-locks/" + created.id())).body(created);
    }

    @PreAuthorize("hasAuthority('" + Permissions.LOCK_RELEASE + "')")
    @PostMapping("/{id}/release")
    LockView release(@PathVariable long id, @Valid @RequestBody ReleaseRequest request) {
        return locks.release(id, request.documentNo());
    }

    /** The locks on a unit and on its project, or those set on a project; one of the two parameters is required. */
    @PreAuthorize("hasAuthority('" + Permissions.LOCK_QUERY + "')")
    @GetMapping
    Page<LockView> list(@RequestParam(required = false) RealEstateUnitCode unitCode, @RequestParam(required = false) Long projectId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return locks.list(unitCode == null ? null : unitCode.value(), projectId, new PageRequest(page, size));
    }
}
