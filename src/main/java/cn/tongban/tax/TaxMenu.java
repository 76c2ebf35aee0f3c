package cn.tongban.tax;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.tongban.identity.Permissions;
import cn.tongban.web.ConsoleMenu;

/** The tax pages in the navigation: the officer's queue and benchmark prices; the citizen's declarations and estimate. */
@Component
class TaxMenu implements ConsoleMenu.Contribution {

    @Override
    public List<ConsoleMenu.Entry> entries() {
        return List.of(
                new ConsoleMenu.Entry("menu.section.tax", "tax.pages.menu.flagged", "/console/tax/declarations?flagged=true",
                        Permissions.TAX_DECLARATION_QUERY, false, 300),
                new ConsoleMenu.Entry("menu.section.tax", "tax.pages.menu.queue", "/console/tax/declarations",
                        Permissions.TAX_DECLARATION_QUERY, false, 301),
                new ConsoleMenu.Entry("menu.section.tax", "tax.pages.menu.benchmarks", "/console/tax/benchmark-prices",
                        Permissions.TAX_BENCHMARK_PRICE_QUERY, false, 310),
                new ConsoleMenu.Entry("menu.section.portal", "tax.pages.menu.mine", "/portal/tax/declarations", null, true, 300),
                new ConsoleMenu.Entry("menu.section.portal", "tax.pages.menu.estimate", "/portal/tax/estimate", null, true, 301));
    }
}
