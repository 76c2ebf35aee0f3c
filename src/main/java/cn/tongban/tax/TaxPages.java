package cn.tongban.tax;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.PageRequest;

/**
 * The tax pages (issue #8): the officer's declarations queue with the flagged low prices (契税法 第四条 第二款), a
 * declaration with its pre-filled facts (免填单, 建房〔2020〕61号 四), calculation and receipt, the 标准房基准价格; and on
 * the portal the citizen's own declarations and a tax estimate. Reads are rendered here; every change goes to the
 * JSON API from the page.
 */
@Controller
class TaxPages {

    private final TaxDeclarations declarations;
    private final BenchmarkPrices benchmarks;
    private final CurrentCaller callers;

    TaxPages(TaxDeclarations declarations, BenchmarkPrices benchmarks, CurrentCaller callers) {
        this.declarations = declarations;
        this.benchmarks = benchmarks;
        this.callers = callers;
    }

    @PreAuthorize("hasAuthority('" + Permissions.TAX_DECLARATION_QUERY + "')")
    @GetMapping("/console/tax")
    String console() {
        return "redirect:/console/tax/declarations?flagged=true";
    }

    @PreAuthorize("hasAuthority('" + Permissions.TAX_DECLARATION_QUERY + "')")
    @GetMapping("/console/tax/declarations")
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean flagged,
            @RequestParam(required = false) String district, @RequestParam(required = false) Integer page, Model model) {
        TaxDeclarations.Filter filter = new TaxDeclarations.Filter(blankToNull(status), flagged, blankToNull(district));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", List.of("DRAFT", "CONFIRMED", "PAID", "EXEMPTED"));
        model.addAttribute("declarations", declarations.search(filter, new PageRequest(page, null)));
        return "tax/declarations";
    }

    @PreAuthorize("hasAuthority('" + Permissions.TAX_DECLARATION_QUERY + "')")
    @GetMapping("/console/tax/declarations/{id}")
    String declaration(@PathVariable long id, Model model) {
        Caller caller = callers.get();
        model.addAttribute("declaration", declarations.visible(id));
        model.addAttribute("mayAssess", caller.has(Permissions.TAX_DECLARATION_ASSESS));
        model.addAttribute("mayConfirmPayment", caller.has(Permissions.TAX_PAYMENT_CONFIRM));
        model.addAttribute("mayVoid", caller.has(Permissions.TAX_RECEIPT_VOID));
        return "tax/declaration";
    }

    @PreAuthorize("hasAuthority('" + Permissions.TAX_BENCHMARK_PRICE_QUERY + "')")
    @GetMapping("/console/tax/benchmark-prices")
    String benchmarkPrices(@RequestParam(required = false) String district, Model model) {
        model.addAttribute("district", blankToNull(district));
        model.addAttribute("prices", benchmarks.list(blankToNull(district)));
        model.addAttribute("mayEdit", callers.get().has(Permissions.TAX_BENCHMARK_PRICE_EDIT));
        return "tax/benchmark-prices";
    }

    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/portal/tax/declarations")
    String myDeclarations(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("declarations", declarations.mine(new PageRequest(page, null)));
        return "tax/my-declarations";
    }

    /** A citizen's declaration: only of a contract they are a party to (any other is not found). */
    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/portal/tax/declarations/{id}")
    String myDeclaration(@PathVariable long id, Model model) {
        model.addAttribute("declaration", declarations.visible(id));
        return "tax/my-declaration";
    }

    @PreAuthorize("hasRole('citizen')")
    @GetMapping("/portal/tax/estimate")
    String estimate() {
        return "tax/estimate";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
