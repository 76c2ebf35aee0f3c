package cn.tongban.audit;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.tongban.identity.Permissions;
import cn.tongban.web.ConsoleMenu;

/** The auditors' page in the console's navigation. */
@Component
class AuditMenu implements ConsoleMenu.Contribution {

    @Override
    public List<ConsoleMenu.Entry> entries() {
        return List.of(new ConsoleMenu.Entry("menu.section.audit", "audit-pages.menu", "/console/audit",
                Permissions.AUDIT_QUERY, false, 600));
    }
}
