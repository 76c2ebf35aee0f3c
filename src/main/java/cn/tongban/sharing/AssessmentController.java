package cn.tongban.sharing;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;
import cn.tongban.sharing.Assessments.AssessmentReport;
import cn.tongban.sharing.Assessments.AssessmentSummary;

/** 考核 (常经办发〔2023〕19号 三（三）): every provider's on-time rate per quarter, and one provider's report in full. */
@RestController
@RequestMapping("/api/v1/sharing/assessments")
class AssessmentController {

    private final Assessments assessments;

    AssessmentController(Assessments assessments) {
        this.assessments = assessments;
    }

    /** Every provider's figures for the quarter ({@code 2026-Q3}), as of a day (today if omitted). */
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_QUERY + "')")
    @GetMapping
    List<AssessmentSummary> summary(@RequestParam String quarter,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return assessments.summary(quarter, asOf == null ? Catalog.today() : asOf);
    }

    /** One provider's quarter: each expected delivery on time, late (with days), missing or not yet due. */
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_QUERY + "')")
    @GetMapping("/providers/{providerNo}")
    AssessmentReport report(@PathVariable int providerNo, @RequestParam String quarter,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return assessments.report(providerNo, quarter, asOf == null ? Catalog.today() : asOf);
    }
}
