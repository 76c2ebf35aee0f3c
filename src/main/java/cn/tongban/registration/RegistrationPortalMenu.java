package cn.tongban.registration;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.tongban.web.ConsoleMenu;

/** 我的房屋 in the portal's navigation. */
@Component
class RegistrationPortalMenu implements ConsoleMenu.Contribution {

    @Override
    public List<ConsoleMenu.Entry> entries() {
        return List.of(new ConsoleMenu.Entry("menu.section.portal", "registration.portal.menu.homes", "/portal/homes", null, true, 400));
    }
}
