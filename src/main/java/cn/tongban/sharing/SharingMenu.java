package cn.tongban.sharing;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.tongban.identity.Permissions;
import cn.tongban.web.ConsoleMenu;

/** The sharing pages in the console's navigation, each shown to those holding its permission. */
@Component
class SharingMenu implements ConsoleMenu.Contribution {

    private static final String SECTION = "menu.section.sharing";

    @Override
    public List<ConsoleMenu.Entry> entries() {
        return List.of(
                new ConsoleMenu.Entry(SECTION, "sharing-pages.catalog.title", "/console/sharing/catalog",
                        Permissions.CATALOG_QUERY, false, 500),
                new ConsoleMenu.Entry(SECTION, "sharing-pages.grants.title", "/console/sharing/grants",
                        Permissions.SHARING_GRANT_QUERY, false, 510),
                new ConsoleMenu.Entry(SECTION, "sharing-pages.deliveries.title", "/console/sharing/deliveries",
                        Permissions.DELIVERY_SUBMIT, false, 520),
                new ConsoleMenu.Entry(SECTION, "sharing-pages.assessments.title", "/console/sharing/assessments",
                        Permissions.ASSESSMENT_QUERY, false, 530),
                new ConsoleMenu.Entry(SECTION, "sharing-pages.subscriptions.title", "/console/sharing/subscriptions",
                        Permissions.SUBSCRIPTION_MANAGE, false, 540));
    }
}
