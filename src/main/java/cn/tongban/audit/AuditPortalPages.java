package cn.tongban.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.tongban.kernel.PageRequest;

/** The portal's 查询记录 (issue #8): who looked at the signed-in citizen's data, when and why. */
@Controller
class AuditPortalPages {

    private final MyAccesses accesses;

    AuditPortalPages(MyAccesses accesses) {
        this.accesses = accesses;
    }

    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/portal/accesses")
    String myAccesses(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("accesses", accesses.mine(new PageRequest(page, null)));
        return "audit/my-accesses";
    }
}
