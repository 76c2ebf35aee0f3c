package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import cn.tongban.IntegrationTest;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.TestAccounts;
import cn.tongban.web.BrowserJourney;

/** A housing administrator reads the catalog and the on-time table of the providers per quarter (issue #8). */
@IntegrationTest
class SharingJourneyTest extends BrowserJourney {

    @Autowired
    Catalog catalog;

    @Test
    void aHousingAdministratorViewsTheOnTimeTableOfEveryProviderPerQuarter() {
        String admin = TestAccounts.staff(context, DepartmentType.HOUSING, List.of(), "housing-admin");
        signIn(admin, TestAccounts.PASSWORD);
        assertThat(menuPaths()).contains("/console/sharing/catalog", "/console/sharing/assessments");

        open("/console/sharing");
        assertThat(browser.findElements(By.cssSelector("tr.catalog-item"))).hasSize(catalog.items().size());
        new Select(browser.findElement(By.id("mode"))).selectByValue("REAL_TIME");
        browser.findElement(By.id("filter")).click();
        waitUntil(d -> currentPath().contains("mode=REAL_TIME"));
        long realTime = catalog.items().stream().filter(i -> i.mode() == CatalogMode.REAL_TIME).count();
        assertThat(browser.findElements(By.cssSelector("tr.catalog-item"))).hasSize((int) realTime);
        screenshot("sharing", "catalog");

        browser.findElement(By.cssSelector("nav.side a[href$='/console/sharing/assessments']")).click();
        waitFor(By.id("on-time"));
        assertThat(browser.findElements(By.cssSelector("tr.provider-row"))).hasSize(catalog.providers().size());
        String previous = SharingPages.recentQuarters(Catalog.today(), 2).get(1);
        new Select(browser.findElement(By.id("quarter"))).selectByValue(previous);
        browser.findElement(By.id("show-quarter")).click();
        waitUntil(d -> currentPath().contains("quarter=" + previous));
        assertThat(text("h1")).contains(previous);
        WebElement first = browser.findElement(By.cssSelector("tr.provider-row"));
        assertThat(first.findElements(By.tagName("td"))).hasSize(6);
        screenshot("sharing", "on-time");

        phoneWidth();
        assertThat(overflowsHorizontally()).as("the on-time table scrolls inside its wrapper at 375 px").isFalse();
        screenshot("sharing", "on-time-phone");
    }
}
