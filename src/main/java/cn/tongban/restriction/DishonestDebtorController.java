package cn.tongban.restriction;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;
import cn.tongban.restriction.DishonestDebtors.DebtorAnswer;
import cn.tongban.restriction.DishonestDebtors.DebtorView;
import cn.tongban.restriction.DishonestDebtors.ImportReport;

/** The list of 失信被执行人 pushed by the courts (建房〔2020〕61号 六). */
@RestController
@RequestMapping("/api/v1/dishonest-debtors")
class DishonestDebtorController {

    private final DishonestDebtors debtors;

    DishonestDebtorController(DishonestDebtors debtors) {
        this.debtors = debtors;
    }

    /**
     * @param idNumber    公民身份号码 (15 or 18 digits) or 统一社会信用代码
     * @param name        name of the person or company
     * @param caseNo      执行案号, e.g. （2026）苏0402执1234号
     * @param court       执行法院
     * @param publishedOn 发布日期
     */
    record DebtorRequest(String idNumber, String name, String caseNo, String court, LocalDate publishedOn) {
    }

    /**
     * @param removedOn  屏蔽日期; today if omitted
     * @param documentNo the court's document that removes the entry
     */
    record RemovalRequest(String idNumber, @NotBlank @Size(max = 100) String caseNo,
            @NotBlank @Size(max = 100) String documentNo, LocalDate removedOn) {
    }

    @PreAuthorize("hasAuthority('" + Permissions.DEBTOR_CREATE + "')")
    @PostMapping
    ResponseEntity<DebtorView> create(@RequestBody DebtorRequest request) {
        DebtorView created = debtors.create(new DishonestDebtors.NewDebtor(request.idNumber(), request.name(), request.caseNo(),
                request.court(), request.publishedOn()));
        return ResponseEntity.created(URI.create("/api/v1/dishonest-debtors/" + created.id())).body(created);
    }

    @PreAuthorize("hasAuthority('" + Permissions.DEBTOR_REMOVE + "')")
    @PostMapping("/removals")
    DebtorView remove(@Valid @RequestBody RemovalRequest request) {
        return debtors.remove(request.idNumber(), request.caseNo(), request.documentNo(), request.removedOn());
    }

    /** Whether the person or company is listed now (and every entry of theirs), name and ID number masked. */
    @PreAuthorize("hasAuthority('" + Permissions.DEBTOR_QUERY + "')")
    @GetMapping
    DebtorAnswer query(@RequestParam String idNumber) {
        return debtors.query(idNumber);
    }

    /**
     * A court's list as UTF-8 CSV with the header {@code idNumber,name,caseNo,court,publishedOn}: valid rows inserted
     * or updated, each invalid row reported by line, field and rule; the same file twice changes nothing.
     */
    @PreAuthorize("hasAuthority('" + Permissions.DEBTOR_CREATE + "')")
    @PostMapping(path = "/imports", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ImportReport importCsv(InputStream body) {
        return debtors.importCsv(body);
    }
}
