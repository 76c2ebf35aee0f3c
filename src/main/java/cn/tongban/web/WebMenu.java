package cn.tongban.web;

import java.util.List;

import org.springframework.stereotype.Component;

/** The foundation's own entries: the two home pages, certificate verification and the API documentation. */
@Component
class WebMenu implements ConsoleMenu.Contribution {

    @Override
    public List<ConsoleMenu.Entry> entries() {
        return List.of(
                new ConsoleMenu.Entry("menu.section.home", "menu.console.home", "/console", null, false, 0),
                new ConsoleMenu.Entry("menu.section.help", "menu.help.api", "/swagger-ui.html", null, false, 990),
                new ConsoleMenu.Entry("menu.section.home", "menu.portal.home", "/portal", null, true, 0),
                // 互联网+不动产登记建设指南 二（一）6: anyone may verify an e-certificate (page by the registration module)
                new ConsoleMenu.Entry("menu.section.help", "menu.help.verify", "/portal/public/verify", null, true, 980),
                new ConsoleMenu.Entry("menu.section.help", "menu.help.verify", "/portal/public/verify", null, false, 980));
    }
}
