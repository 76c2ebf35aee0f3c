package cn.tongban.monitoring;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.tongban.identity.Permissions;
import cn.tongban.web.ConsoleMenu;

/** The market monitoring page in the console's navigation, for those who may query the market figures. */
@Component
class MonitoringMenu implements ConsoleMenu.Contribution {

    @Override
    public List<ConsoleMenu.Entry> entries() {
        return List.of(new ConsoleMenu.Entry("menu.section.monitoring", "monitoring.pages.menu.market", "/console/monitoring",
                Permissions.MONITORING_MARKET_QUERY, false, 700));
    }
}
