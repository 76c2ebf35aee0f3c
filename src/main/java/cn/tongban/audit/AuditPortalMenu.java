package cn.tongban.audit;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.tongban.web.ConsoleMenu;

/** 谁查看了我的信息 in the portal's navigation. */
@Component
class AuditPortalMenu implements ConsoleMenu.Contribution {

    @Override
    public List<ConsoleMenu.Entry> entries() {
        return List.of(new ConsoleMenu.Entry("menu.section.portal", "audit.portal.menu.accesses", "/portal/accesses", null, true, 600));
    }
}
