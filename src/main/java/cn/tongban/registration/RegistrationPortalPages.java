package cn.tongban.registration;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's 我的房屋 (issue #8; 互联网+不动产登记建设指南 二（一）7): the homes registered to the signed-in citizen. */
@Controller
class RegistrationPortalPages {

    private final PropertyQueries queries;

    RegistrationPortalPages(PropertyQueries queries) {
        this.queries = queries;
    }

    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/portal/homes")
    String myHomes(Model model) {
        model.addAttribute("homes", queries.mine());
        return "registration/my-homes";
    }
}
