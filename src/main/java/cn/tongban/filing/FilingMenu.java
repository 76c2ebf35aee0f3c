package cn.tongban.filing;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.tongban.identity.Permissions;
import cn.tongban.web.ConsoleMenu;

/** The 网签备案 pages in the console's navigation. */
@Component
class FilingMenu implements ConsoleMenu.Contribution {

    @Override
    public List<ConsoleMenu.Entry> entries() {
        return List.of(
                new ConsoleMenu.Entry("menu.section.filing", "filing-pages.menu.wizard", "/console/filing",
                        Permissions.CONTRACT_CREATE, false, 200),
                new ConsoleMenu.Entry("menu.section.filing", "filing-pages.menu.contracts", "/console/filing/contracts",
                        Permissions.CONTRACT_QUERY, false, 210));
    }
}
