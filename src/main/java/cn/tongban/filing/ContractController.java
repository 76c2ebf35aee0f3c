package cn.tongban.filing;

import java.net.URI;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/** 网签备案: sign and file a contract online, and read it back by its filing code. */
@RestController
@RequestMapping("/api/v1/contracts")
class ContractController {

    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private final Contracts contracts;
    private final ContractChanges changes;
    private final ContractDocuments documents;

    ContractController(Contracts contracts, ContractChanges changes, ContractDocuments documents) {
        this.contracts = contracts;
        this.changes = changes;
        this.documents = documents;
    }

    /**
     * The contract text, or with {@code Accept: application/pdf} its PDF (inline, {@code <filingCode>.pdf}), each with
     * the SM3 digest of exactly the bytes served (header {@code X-Content-SM3}). Plain text unless the PDF is asked for
     * before it, so clients that accept anything keep getting the text.
     */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_QUERY + "')")
    @GetMapping(path = "/{filingCode}/document", produces = {"text/plain;charset=UTF-8", MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> document(@PathVariable String filingCode,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestParam(required = false) String format) {
        // ?format=pdf: a plain link in a page cannot set the Accept header
        if ("pdf".equalsIgnoreCase(format) || format == null && wantsPdf(accept)) {
            ContractDocuments.Pdf pdf = documents.pdf(filingCode);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.inline().filename(filingCode + ".pdf").build().toString())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .header("X-Content-SM3", pdf.sm3()).body(pdf.content());
        }
        ContractDocuments.Document document = documents.document(filingCode);
        return ResponseEntity.ok().contentType(TEXT).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header("X-Content-SM3", document.sm3()).body(document.content());
    }

    /** The first of text and PDF in the client's order of preference is the PDF, named as such (not by a wildcard). */
    private static boolean wantsPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(accepted);
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        return accepted.stream().filter(type -> type.isCompatibleWith(MediaType.APPLICATION_PDF) || type.isCompatibleWith(TEXT))
                .findFirst().filter(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_PDF)).isPresent();
    }

    /** 变更: a new version of the contract; the earlier ones stay readable at /versions. */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_CHANGE + "')")
    @PostMapping("/{filingCode}/amendments")
    ContractView amend(@PathVariable String filingCode, @Valid @RequestBody ContractChanges.Amendment amendment) {
        return changes.amend(filingCode, amendment);
    }

    /** 注销: with both parties' consent or an order; the unit may then be filed again. */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_CHANGE + "')")
    @PostMapping("/{filingCode}/cancellation")
    ContractView cancel(@PathVariable String filingCode, @Valid @RequestBody ContractChanges.Cancellation cancellation) {
        return changes.cancel(filingCode, cancellation);
    }

    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_QUERY + "')")
    @GetMapping("/{filingCode}/versions")
    java.util.List<ContractChanges.Version> versions(@PathVariable String filingCode) {
        return changes.versions(filingCode);
    }

    /**
     * Verifies and files the contract at once. With an {@code Idempotency-Key}, repeating the same request answers
     * the same contract (a retry after a lost answer files nothing twice); the same key with another body is 409.
     */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_CREATE + "')")
    @PostMapping
    ResponseEntity<ContractView> file(@Valid @RequestBody ContractRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw new RuleViolationException(new Violation("Idempotency-Key", "contract.idempotency-key-format"));
        }
        Contracts.Filed filed = contracts.file(request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/contracts/" + filed.contract().filingCode()))
                .header("Idempotent-Replayed", Boolean.toString(filed.replayed()))
                .body(filed.contract());
    }

    /**
     * 核验试算: runs the checks of a filing of this contract without filing it (nothing written), for the parties to
     * see while they fill it in. Malformed input is 400 and a unit under a live sale filing 409, as for a filing.
     */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_CREATE + "')")
    @PostMapping("/verification")
    VerificationResult verify(@Valid @RequestBody ContractRequest request) {
        return VerificationResult.of(contracts.verify(request));
    }

    /** A dry-run verification: its checks, and whether a filing would be refused. */
    record VerificationResult(java.time.OffsetDateTime checkedAt, boolean refused, List<VerificationReport.Check> checks) {

        static VerificationResult of(VerificationReport report) {
            return new VerificationResult(report.checkedAt(), report.refused(), report.checks());
        }
    }

    /** Search by unit, party (ID number, through its blind index), project, signing date and status. */
    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_QUERY + "')")
    @GetMapping
    cn.tongban.kernel.Page<Contracts.Summary> search(@RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String idNumber, @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) java.time.LocalDate signedFrom, @RequestParam(required = false) java.time.LocalDate signedTo,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return contracts.search(new Contracts.Filter(unitCode, idNumber, projectId, signedFrom, signedTo, status),
                new cn.tongban.kernel.PageRequest(page, size));
    }

    @PreAuthorize("hasAuthority('" + Permissions.CONTRACT_QUERY + "')")
    @GetMapping("/{filingCode}")
    ContractView get(@PathVariable String filingCode) {
        return contracts.get(filingCode);
    }
}
