package cn.tongban.sharing;

import java.net.URI;
import java.util.List;

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

/** 数据共享授权: administrators grant departments data items and revoke them; every change is audited. */
@RestController
@RequestMapping("/api/v1/sharing/grants")
class GrantController {

    private final Grants grants;

    GrantController(Grants grants) {
        this.grants = grants;
    }

    record Revocation(String reason) {
    }

    @PreAuthorize("hasAuthority('" + Permissions.SHARING_GRANT_MANAGE + "')")
    @PostMapping
    ResponseEntity<Grant> create(@RequestBody Grants.GrantRequest request) {
        Grant grant = grants.create(request);
        return ResponseEntity.created(URI.create("/api/v1/sharing/grants/" + grant.id())).body(grant);
    }

    /** Revokes at once: the department's next request that needed the grant is refused (403 grant.missing). */
    @PreAuthorize("hasAuthority('" + Permissions.SHARING_GRANT_MANAGE + "')")
    @PostMapping("/{id}/revocation")
    Grant revoke(@PathVariable long id, @RequestBody Revocation revocation) {
        return grants.revoke(id, revocation.reason());
    }

    @PreAuthorize("hasAuthority('" + Permissions.SHARING_GRANT_QUERY + "')")
    @GetMapping("/{id}")
    Grant get(@PathVariable long id) {
        return grants.get(id);
    }

    @PreAuthorize("hasAuthority('" + Permissions.SHARING_GRANT_QUERY + "')")
    @GetMapping
    List<Grant> list(@RequestParam(required = false) String departmentCode, @RequestParam(required = false) String item,
            @RequestParam(defaultValue = "false") boolean includeRevoked) {
        return grants.list(departmentCode, item, includeRevoked);
    }
}
