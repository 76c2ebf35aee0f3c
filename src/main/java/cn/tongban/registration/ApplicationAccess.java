package cn.tongban.registration;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CitizenSubjects;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.NotFoundException;

/**
 * Who may see or act on a registration application: registration staff of the unit's district (多租户 by district,
 * 互联网+不动产登记建设指南 五（二）), the citizens who are its parties, and the system (bank, developer, brokerage)
 * that submitted it through the extended port (三（一）6). To everyone else an application does not exist: the answer
 * is the same 404 as for a number never issued, so that numbers cannot be probed.
 */
@Component
class ApplicationAccess {

    /** What every step needs to know of an application. */
    record Application(String applicationNo, String businessType, String unitCode, String districtCode, String status,
            String submittedBy, String filingCode) {
    }

    private final JdbcClient jdbc;
    private final CurrentCaller callers;
    private final CitizenSubjects citizens;

    ApplicationAccess(JdbcClient jdbc, CurrentCaller callers, CitizenSubjects citizens) {
        this.jdbc = jdbc;
        this.callers = callers;
        this.citizens = citizens;
    }

    /** The application, if the current caller may see it. */
    Application visible(String applicationNo) {
        Caller caller = callers.get();
        Application application = find(applicationNo).orElseThrow(() -> notFound(applicationNo));
        if (!maySee(caller, application)) {
            throw notFound(applicationNo);
        }
        return application;
    }

    /** The application, if the current caller is registration staff of its district. */
    Application forStaff(String applicationNo) {
        Caller caller = callers.get();
        Application application = find(applicationNo).orElseThrow(() -> notFound(applicationNo));
        if (caller.kind() != ActorKind.STAFF || !caller.seesDistrict(application.districtCode())) {
            throw notFound(applicationNo);
        }
        return application;
    }

    boolean maySee(Caller caller, Application application) {
        return switch (caller.kind()) {
            case STAFF -> caller.seesDistrict(application.districtCode());
            case SYSTEM -> caller.actorId().equals(application.submittedBy()) || caller.seesDistrict(application.districtCode())
                    && !caller.isEnterprise();
            case CITIZEN -> caller.actorId().equals(application.submittedBy()) || citizens.subjectIndexOf(caller)
                    .map(index -> isParty(application.applicationNo(), index)).orElse(false);
            case ANONYMOUS -> false;
        };
    }

    Optional<Application> find(String applicationNo) {
        return jdbc.sql("""
                SELECT application_no, business_type, unit_code, district_code, status, submitted_by, filing_code
                  FROM registration_application WHERE application_no = ?""")
                .param(applicationNo)
                .query((rs, n) -> new Application(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .optional();
    }

    private boolean isParty(String applicationNo, String index) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM registration_party WHERE application_no = ? AND id_number_index = ?)")
                .params(applicationNo, index).query(Boolean.class).single();
    }

    private static NotFoundException notFound(String applicationNo) {
        return new NotFoundException("registration-application", applicationNo);
    }
}
