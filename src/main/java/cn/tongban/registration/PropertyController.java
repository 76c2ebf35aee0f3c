package cn.tongban.registration;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.ActorKind;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;

/**
 * 不动产登记信息查询 (互联网+不动产登记建设指南 二（一）7): staff by unit code, certificate number or 坐落, stating their
 * purpose ({@code X-Purpose}, {@code X-Case-Number}); a signed-in citizen, their own homes.
 */
@RestController
@RequestMapping("/api/v1/registrations")
class PropertyController {

    private final PropertyQueries queries;
    private final CurrentCaller callers;

    PropertyController(PropertyQueries queries, CurrentCaller callers) {
        this.queries = queries;
        this.callers = callers;
    }

    /** Exactly one of {@code unitCode}, {@code certificateNo}, {@code location} (坐落 substring, paged, at most 20 a page). */
    @GetMapping("/properties")
    @PreAuthorize("hasAuthority('" + Permissions.REGISTRATION_PROPERTY_QUERY + "')")
    Page<PropertyView> properties(@RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String certificateNo, @RequestParam(required = false) String location,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return queries.query(new PropertyQueries.Criteria(unitCode, certificateNo, location), new PageRequest(page, size));
    }

    /** For a signed-in citizen: the homes registered to them. Other callers are refused. */
    @GetMapping("/my-properties")
    @PreAuthorize("isAuthenticated()")
    List<PropertyView> myProperties() {
        if (callers.get().kind() != ActorKind.CITIZEN) {
            throw new AccessDeniedException("citizens only");
        }
        return queries.mine();
    }
}
