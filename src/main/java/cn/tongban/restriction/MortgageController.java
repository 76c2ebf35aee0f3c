package cn.tongban.restriction;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
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
import cn.tongban.kernel.UnifiedSocialCreditCode;
import cn.tongban.restriction.Mortgages.MortgageView;
import cn.tongban.restriction.SeizureController.ReleaseRequest;

/** 抵押权 registered by banks and the registration centre. */
@RestController
@RequestMapping("/api/v1/mortgages")
class MortgageController {

    private final Mortgages mortgages;

    MortgageController(Mortgages mortgages) {
        this.mortgages = mortgages;
    }

    /**
     * @param unitCode       不动产单元代码 of the unit mortgaged
     * @param mortgagee      抵押权人, e.g. the bank
     * @param mortgageeCode  its 统一社会信用代码
     * @param documentNo     不动产登记证明号 or the contract number
     * @param amount         被担保主债权数额 in yuan
     * @param rank           抵押顺位; the next free one if omitted
     * @param registeredOn   登记日期; today if omitted
     */
    record MortgageRequest(@NotNull RealEstateUnitCode unitCode, @NotBlank @Size(max = 200) String mortgagee,
            @NotNull UnifiedSocialCreditCode mortgageeCode, @NotBlank @Size(max = 100) String documentNo,
            @NotNull @Positive @Digits(integer = 14, fraction = 2) BigDecimal amount, @Positive @Max(99) Integer rank,
            LocalDate registeredOn) {
    }

    @PreAuthorize("hasAuthority('" + Permissions.MORTGAGE_CREATE + "')")
    @PostMapping
    ResponseEntity<MortgageView> create(@Valid @RequestBody MortgageRequest request) {
        MortgageView created = mortgages.create(new Mortgages.NewMortgage(request.unitCode().value(), request.mortgagee(),
                request.mortgageeCode().value(), request.documentNo(), request.amount(), request.rank(), request.registeredOn()));
        return ResponseEntity.created(URI.create("/api/v1/mortgages/" + created.id())).body(created);
    }

    @PreAuthorize("hasAuthority('" + Permissions.MORTGAGE_RELEASE + "')")
    @PostMapping("/{id}/release")
    MortgageView release(@PathVariable long id, @Valid @RequestBody ReleaseRequest request) {
        return mortgages.release(id, request.documentNo());
    }

    @PreAuthorize("hasAuthority('" + Permissions.MORTGAGE_QUERY + "')")
    @GetMapping
    Page<MortgageView> list(@RequestParam RealEstateUnitCode unitCode, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return mortgages.ofUnit(unitCode.value(), new PageRequest(page, size));
    }
}
