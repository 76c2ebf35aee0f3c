package cn.tongban.filing;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.tongban.web.ConsoleMenu;

/** 我的合同 in the portal's navigation. */
@Component
class FilingPortalMenu implements ConsoleMenu.Contribution {

    @Override
    public List<ConsoleMenu.Entry> entries() {
        return List.of(new ConsoleMenu.Entry("menu.section.portal", "filing.portal.menu.contracts", "/portal/contracts", null, true, 200));
    }
}
