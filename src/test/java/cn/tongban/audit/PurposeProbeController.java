package cn.tongban.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stands in for a sharing query in the tests: declares its purpose as every sharing query must. */
@RestController
class PurposeProbeController {

    private final AuditLog audit;

    PurposeProbeController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/test/audit/sharing-query")
    Purpose.Declared query() {
        Purpose.Declared declared = Purpose.require();
        audit.record(AuditRecord.read("test-probe", null, null).withPurpose(declared));
        return declared;
    }
}
