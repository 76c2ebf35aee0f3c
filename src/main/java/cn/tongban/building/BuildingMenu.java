package cn.tongban.building;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.tongban.identity.Permissions;
import cn.tongban.web.ConsoleMenu;

/** The 楼盘表 pages in the console's navigation. */
@Component
class BuildingMenu implements ConsoleMenu.Contribution {

    @Override
    public List<ConsoleMenu.Entry> entries() {
        return List.of(
                new ConsoleMenu.Entry("menu.section.housing", "building-pages.menu.buildings", "/console/buildings",
                        Permissions.PROJECT_QUERY, false, 100),
                new ConsoleMenu.Entry("menu.section.housing", "building-pages.menu.import", "/console/buildings/import",
                        Permissions.UNIT_IMPORT, false, 110));
    }
}
