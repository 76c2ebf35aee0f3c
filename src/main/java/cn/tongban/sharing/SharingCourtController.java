package cn.tongban.sharing;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.RealEstateUnitCode;
import cn.tongban.restriction.RestrictionRegistry;
import cn.tongban.restriction.SeizureOrders;

/**
 * 人民法院实时推送 (建房〔2020〕61号 六: 实时共享…失信被执行人名单、房屋查封等信息): a court's system sets and releases 查封
 * and lists and removes 失信被执行人 through its grant; each takes effect on the next filing attempt (住房和城乡建设部门
 * 对纳入失信被执行人名单的买受人，通过房屋网签备案系统自动不予办理网签备案).
 */
@RestController
@RequestMapping("/api/v1/sharing")
class SharingCourtController {

    private static final String CALL = "hasAuthority('" + Permissions.SHARING_INTERFACE_CALL + "')";

    private final Grants grants;
    private final SeizureOrders orders;
    private final CurrentCaller callers;

    SharingCourtController(Grants grants, SeizureOrders orders, CurrentCaller callers) {
        this.grants = grants;
        this.orders = orders;
        this.callers = callers;
    }

    /** A seizure order; {@code court} defaults to the caller's department. */
    record SeizureOrder(@NotNull RealEstateUnitCode unitCode, RestrictionRegistry.SeizureKind kind, @Size(max = 100) String court,
            @NotBlank @Size(max = 100) String documentNo, @NotNull LocalDate validFrom, LocalDate validTo) {
    }

    /** Releases the seizure ordered by {@code documentNo} under the court's {@code releaseDocumentNo}. */
    record SeizureRelease(@NotNull RealEstateUnitCode unitCode, @NotBlank @Size(max = 100) String documentNo,
            @NotBlank @Size(max = 100) String releaseDocumentNo) {
    }

    record DebtorEntry(String idNumber, String name, String caseNo, String court, LocalDate publishedOn) {
    }

    record DebtorRemoval(String idNumber, @NotBlank @Size(max = 100) String caseNo, @NotBlank @Size(max = 100) String documentNo,
            LocalDate removedOn) {
    }

    @PreAuthorize(CALL)
    @PostMapping("/seizures")
    ResponseEntity<RestrictionRegistry.Seizure> seize(@Valid @RequestBody SeizureOrder order) {
        grants.require(SharingInterface.SEIZURE, null, order.unitCode().value());
        String court = order.court() == null || order.court().isBlank() ? callers.get().departmentName() : order.court();
        return ResponseEntity.status(HttpStatus.CREATED).body(orders.seize(order.unitCode().value(),
                order.kind() == null ? RestrictionRegistry.SeizureKind.SEIZURE : order.kind(), court, order.documentNo(),
                order.validFrom(), order.validTo()));
    }

    @PreAuthorize(CALL)
    @PostMapping("/seizures/releases")
    RestrictionRegistry.Seizure release(@Valid @RequestBody SeizureRelease release) {
        grants.require(SharingInterface.SEIZURE, null, release.unitCode().value());
        return orders.release(release.unitCode().value(), release.documentNo(), release.releaseDocumentNo());
    }

    @PreAuthorize(CALL)
    @PostMapping("/dishonest-debtors")
    ResponseEntity<RestrictionRegistry.DishonestDebtor> listDebtor(@RequestBody DebtorEntry entry) {
        String idNumber = SharingQueries.idNumber(entry.idNumber(), "idNumber");
        grants.require(SharingInterface.DISHONEST_DEBTOR, null, null);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(orders.listDebtor(idNumber, entry.name(), entry.caseNo(), entry.court(), entry.publishedOn()));
    }

    @PreAuthorize(CALL)
    @PostMapping("/dishonest-debtors/removals")
    RestrictionRegistry.DishonestDebtor removeDebtor(@Valid @RequestBody DebtorRemoval removal) {
        String idNumber = SharingQueries.idNumber(removal.idNumber(), "idNumber");
        grants.require(SharingInterface.DISHONEST_DEBTOR, null, null);
        return orders.removeDebtor(idNumber, removal.caseNo(), removal.documentNo(), removal.removedOn());
    }
}
