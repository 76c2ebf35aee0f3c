package cn.tongban.registration;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.tongban.identity.Permissions;
import cn.tongban.web.ConsoleMenu;

/** The registration pages in the navigation: the registrars' work queue, the citizens' applications. */
@Component
class RegistrationMenu implements ConsoleMenu.Contribution {

    private static final List<ConsoleMenu.Entry> ENTRIES = List.of(
            new ConsoleMenu.Entry("menu.section.registration", "registration.pages.menu.queue", "/console/registration",
                    Permissions.REGISTRATION_HANDLE, false, 400),
            new ConsoleMenu.Entry("menu.section.portal", "registration.pages.menu.mine", "/portal/registration", null, true, 400),
            new ConsoleMenu.Entry("menu.section.portal", "registration.pages.menu.apply", "/portal/registration/apply", null, true, 410));

    @Override
    public List<ConsoleMenu.Entry> entries() {
        return ENTRIES;
    }
}
