package cn.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.TestCallers;

/** Issue #8: the navigation shows each caller the entries of their kind and permissions, grouped and in order. */
class MenusTest {

    static final ConsoleMenu.Entry HOME = new ConsoleMenu.Entry("menu.section.home", "menu.console.home", "/console", null, false, 0);
    static final ConsoleMenu.Entry TAX = new ConsoleMenu.Entry("menu.section.tax", "tax.pages.menu.flagged", "/console/tax/flagged",
            "tax:declaration:assess", false, 310);
    static final ConsoleMenu.Entry TAX_FIRST = new ConsoleMenu.Entry("menu.section.tax", "tax.pages.menu.rates", "/console/tax/rates",
            "tax:declaration:assess", false, 300);
    static final ConsoleMenu.Entry ADMIN = new ConsoleMenu.Entry("menu.section.housing", "identity.pages.users", "/console/users",
            "ROLE_housing-admin", false, 100);
    static final ConsoleMenu.Entry PORTAL = new ConsoleMenu.Entry("menu.section.portal", "registration.pages.apply", "/portal/apply",
            null, true, 400);

    final Menus menus = menus(List.of(TAX, PORTAL), List.of(ADMIN, HOME, TAX_FIRST));

    static Menus menus(List<ConsoleMenu.Entry> one, List<ConsoleMenu.Entry> other) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("one", (ConsoleMenu.Contribution) () -> one);
        beans.addBean("other", (ConsoleMenu.Contribution) () -> other);
        return new Menus(beans.getBeanProvider(ConsoleMenu.Contribution.class), () -> Caller.ANONYMOUS);
    }

    @Test
    void staffSeeConsoleEntriesOfTheirPermissionsGroupedBySectionInOrder() {
        Caller taxOfficer = TestCallers.withPermissions("tax:declaration:assess");
        List<ConsoleMenu.Section> sections = menus.sectionsFor(taxOfficer);
        assertThat(sections).extracting(ConsoleMenu.Section::key).containsExactly("menu.section.home", "menu.section.tax");
        assertThat(sections.get(1).entries()).containsExactly(TAX_FIRST, TAX);
    }

    @Test
    void anEntryForARoleNeedsTheRoleAndCitizensSeeOnlyPortalEntries() {
        assertThat(menus.sectionsFor(TestCallers.cityAdmin())).flatExtracting(ConsoleMenu.Section::entries)
                .containsExactly(HOME, ADMIN, TAX_FIRST, TAX);
        assertThat(menus.sectionsFor(TestCallers.districtClerk("320402"))).flatExtracting(ConsoleMenu.Section::entries)
                .doesNotContain(ADMIN, PORTAL);
        Caller citizen = new Caller("citizen-1", ActorKind.CITIZEN, null, null, null, Set.of(), false, Set.of("citizen"),
                Set.of(), Set.of(), null);
        assertThat(menus.sectionsFor(citizen)).flatExtracting(ConsoleMenu.Section::entries).containsExactly(PORTAL);
        assertThat(menus.sectionsFor(Caller.ANONYMOUS)).isEmpty();
    }

    @Test
    void anEntryIsAPathOfThePlatform() {
        assertThatThrownBy(() -> new ConsoleMenu.Entry("menu.section.help", "x", "https://elsewhere.example/", null, false, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
