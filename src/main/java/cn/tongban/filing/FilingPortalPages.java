package cn.tongban.filing;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's 我的合同 (issue #8): the contracts the signed-in citizen is a party to. */
@Controller
class FilingPortalPages {

    private final MyContracts contracts;

    FilingPortalPages(MyContracts contracts) {
        this.contracts = contracts;
    }

    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/portal/contracts")
    String myContracts(Model model) {
        model.addAttribute("contracts", contracts.mine());
        return "filing/my-contracts";
    }
}
