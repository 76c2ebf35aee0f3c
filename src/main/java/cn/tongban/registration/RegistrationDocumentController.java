package cn.tongban.registration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.audit.Purpose;
import cn.tongban.identity.CitizenSubjects;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * The documents of registration over HTTP: verification of e-certificates and housing records by anyone
 * (二（一）6), their download by those they concern, housing records (二（一）7) and an application's notices (三（一）1).
 */
@RestController
class RegistrationDocumentController {

    private final IssuedDocuments documents;
    private final HousingRecords housingRecords;
    private final Notices notices;
    private final ApplicationAccess applications;
    private final CurrentCaller callers;
    private final CitizenSubjects citizens;

    RegistrationDocumentController(IssuedDocuments documents, HousingRecords housingRecords, Notices notices,
            ApplicationAccess applications, CurrentCaller callers, CitizenSubjects citizens) {
        this.documents = documents;
        this.housingRecords = housingRecords;
        this.notices = notices;
        this.applications = applications;
        this.callers = callers;
        this.citizens = citizens;
    }

    /** The registration authority's public key: what a relying party checks a document's signature with. */
    @GetMapping("/api/v1/public/certificates/signing-key")
    Map<String, String> signingKey() {
        return documents.signingKey();
    }

    /** Verifies a certificate, proof or housing record by the code printed on it (no login; rate-limited). */
    @GetMapping("/api/v1/public/certificates/{verificationCode}")
    IssuedDocuments.Verified verify(@PathVariable String verificationCode) {
        return documents.verify(verificationCode);
    }

    /** The certificate's PDF as issued, with its SM3 and the registration authority's signature. */
    @GetMapping("/api/v1/registrations/certificates/{certificateNo}/document")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> certificate(@PathVariable String certificateNo) {
        return pdf(documents.certificatePdf(certificateNo));
    }

    /** The person whose homes are asked for. */
    record PersonRequest(String idNumber, String name) {
    }

    /**
     * 无房证明 / 住房信息查询结果 of a person, by registration staff for a declared purpose ({@code X-Purpose}: the
     * citizen's own request at a window, a court's inquiry …), audited with it.
     */
    @PostMapping("/api/v1/registrations/housing-records")
    @PreAuthorize("hasAuthority('" + Permissions.HOUSING_RECORD_ISSUE + "')")
    ResponseEntity<HousingRecords.Issued> housingRecord(@RequestBody PersonRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (Purpose.current().map(Purpose.Declared::purpose).isEmpty()) {
            violations.add(new Violation(Purpose.PURPOSE_HEADER, "audit.purpose-required"));
        }
        CitizenIdNumber idNumber = null;
        try {
            idNumber = CitizenIdNumber.of(request == null ? null : request.idNumber());
        } catch (InvalidValueException e) {
            violations.add(e.at("idNumber"));
        }
        if (request == null || request.name() == null || request.name().isBlank()) {
            violations.add(new Violation("name", "housing-record.name-required"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(housingRecords.issue(idNumber, request.name().strip()));
    }

    /** A signed-in citizen's own 无房证明 / 住房信息查询结果 (查询本人名下的不动产登记信息, 二（一）7). */
    @PostMapping("/api/v1/registrations/housing-records/mine")
    @PreAuthorize("hasRole('citizen')")
    ResponseEntity<HousingRecords.Issued> myHousingRecord() {
        CitizenSubjects.Citizen citizen = citizens.citizenOf(callers.get())
                .orElseThrow(() -> new NotFoundException("citizen-account", callers.get().actorId()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(housingRecords.issue(CitizenIdNumber.of(citizen.idNumber()), citizen.name()));
    }

    @GetMapping("/api/v1/registrations/housing-records/{verificationCode}/document")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> housingRecordDocument(@PathVariable String verificationCode) {
        return pdf(documents.housingRecordPdf(verificationCode));
    }

    /** The notices of an application: acceptance, supplement (the missing items), rejection (the reason). */
    @GetMapping("/api/v1/registrations/{applicationNo}/notices")
    @PreAuthorize("isAuthenticated()")
    List<Notices.Listed> notices(@PathVariable String applicationNo) {
        applications.visible(applicationNo);
        return notices.of(applicationNo);
    }

    @GetMapping("/api/v1/registrations/{applicationNo}/notices/{noticeNo}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> notice(@PathVariable String applicationNo, @PathVariable String noticeNo) {
        applications.visible(applicationNo);
        return pdf(notices.pdf(applicationNo, noticeNo));
    }

    private static ResponseEntity<byte[]> pdf(IssuedDocuments.Pdf pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SM3", pdf.sm3()).header("X-Signature", pdf.signature()).body(pdf.content());
    }
}
