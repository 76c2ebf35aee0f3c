package cn.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.tongban.IntegrationTest;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.TestAccounts;

/** Issue #8: signing in through the sign-in page, the console's menu by permission, the language switch, phones. */
@IntegrationTest
class ConsoleJourneyTest extends BrowserJourney {

    @Autowired
    ConsoleMenu menu;
    @Autowired
    JdbcClient jdbc;

    @Test
    void staffSignInLandOnTheConsoleSeeOnlyTheirMenuSwitchToEnglishAndSignOut() {
        String officer = TestAccounts.staff(context, DepartmentType.TAX, List.of(), "tax-officer");
        open("/");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        screenshot("console", "1-landing");

        signIn(officer, TestAccounts.PASSWORD);
        assertThat(currentPath()).isEqualTo("/console");
        assertThat(text(".caller-name")).isEqualTo(officer);
        assertThat(text(".caller-department")).isEqualTo(TestAccounts.departmentOf(context, officer));
        // what the role holds, from the database — not from the menu's own filter
        Set<String> held = jdbc.sql("SELECT permission FROM role_permission WHERE role_code = 'tax-officer'")
                .query(String.class).set();
        List<String> expected = menu.entries().stream()
                .filter(e -> !e.citizen() && (e.permission() == null || held.contains(e.permission())
                        || e.permission().equals("ROLE_tax-officer")))
                .map(ConsoleMenu.Entry::url).distinct().toList();
        assertThat(menuPaths()).containsExactlyInAnyOrderElementsOf(expected).contains("/console");
        assertThat(menuPaths()).doesNotContainAnyElementsOf(menu.entries().stream()
                .filter(e -> e.citizen() || (e.permission() != null && !held.contains(e.permission())))
                .map(ConsoleMenu.Entry::url).filter(url -> !expected.contains(url)).collect(Collectors.toSet()));
        screenshot("console", "2-signed-in");

        browser.findElement(By.cssSelector("a.lang-switch")).click();
        waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertThat(text("main h1")).isEqualTo("Console");
        open("/console");
        assertThat(text("main h1")).as("the language is kept in a cookie").isEqualTo("Console");
        screenshot("console", "3-english");

        phoneWidth();
        assertThat(overflowsHorizontally()).as("the console at 375 px").isFalse();
        screenshot("console", "4-phone");
        desktopWidth();

        signOut();
        assertThat(currentPath()).isEqualTo("/");
        open("/console");
        assertThat(currentPath()).isEqualTo("/login?next=%2Fconsole");
    }

    @Test
    void aCitizenSignsInWithTheIdNumberAndLandsOnThePortalWhichFitsAPhone() {
        String citizen = TestAccounts.citizen(context);
        signIn(citizen, TestAccounts.PASSWORD);
        assertThat(currentPath()).isEqualTo("/portal");
        assertThat(text("main h1")).isEqualTo("市民办事门户");
        assertThat(menuPaths()).containsExactlyInAnyOrderElementsOf(menu.entries().stream()
                .filter(e -> e.citizen() && e.permission() == null).map(ConsoleMenu.Entry::url).distinct().toList());
        screenshot("portal", "1-home");

        phoneWidth();
        assertThat(overflowsHorizontally()).as("the portal at 375 px").isFalse();
        screenshot("portal", "2-phone");
        open("/");
        assertThat(overflowsHorizontally()).as("the landing page at 375 px").isFalse();
        screenshot("portal", "3-landing-phone");
    }

    @Test
    void aWrongPasswordStaysOnTheSignInPageWithTheReason() {
        String clerk = TestAccounts.staff(context, DepartmentType.HOUSING, List.of("320402"), "housing-clerk");
        signIn(clerk, "not the password 1");
        assertThat(currentPath()).startsWith("/login?error=login.failed");
        assertThat(text(".form-error")).isEqualTo("用户名或密码错误。");
        screenshot("login", "wrong-password");
    }
}
