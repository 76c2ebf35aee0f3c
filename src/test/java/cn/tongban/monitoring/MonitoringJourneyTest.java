package cn.tongban.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.OwnerDatabase;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.TestAccounts;
import cn.tongban.web.BrowserJourney;

/**
 * Issue #8 item 2: a housing administrator opens the market monitoring page; the three charts draw (a canvas in
 * each), the numbers behind the activity chart are shown by the toggle, the anomaly table links to the contract, and
 * the page fits a 375 px phone.
 */
@IntegrationTest
class MonitoringJourneyTest extends BrowserJourney {

    @Autowired
    MockMvc http;
    @Autowired
    OwnerDatabase owner;

    @Test
    void aHousingAdminSeesTheChartsTheirNumbersAndTheAnomaliesAlsoOnAPhone() throws Exception {
        // three sales of this month, one far below the others (the district average is the reference)
        MonitoringFixture f = new MonitoringFixture(http, owner.jdbc(), 3);
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        LocalDate signed = LocalDate.of(2025, 5, 6);
        f.sale("1500000.00", month, signed);
        f.sale("1500000.00", month, signed);
        MonitoringFixture.Sale low = f.sale("300000.00", month, signed);
        String admin = TestAccounts.staff(context, DepartmentType.HOUSING, List.of(), "housing-admin");

        signIn(admin, TestAccounts.PASSWORD);
        open("/console/monitoring?district=320411&from=" + month + "&to=" + month);
        waitUntil(d -> d.findElements(By.cssSelector("section.view[data-loaded]")).size() == 4);
        for (String chart : List.of("chart-activity", "chart-prices", "chart-volume")) {
            assertThat(browser.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
        }
        assertThat(browser.findElement(By.cssSelector("a[href='/console/monitoring']")).getDomAttribute("aria-current"))
                .as("the menu entry of the page").isEqualTo("page");
        screenshot("monitoring", "1-charts");

        WebElement numbers = browser.findElement(By.id("table-activity"));
        assertThat(numbers.isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("button[aria-controls=table-activity]")).click();
        waitUntil(d -> numbers.isDisplayed());
        // this month's row of 新北区 counts at least the three sales filed here
        List<WebElement> cells = numbers.findElements(By.cssSelector("tbody tr:first-child td"));
        assertThat(cells).hasSize(4);
        assertThat(cells.get(1).getText()).isEqualTo(month.toString());
        assertThat(Long.parseLong(cells.get(2).getText())).isGreaterThanOrEqualTo(3);
        assertThat(browser.findElement(By.cssSelector("#table-anomalies a[href='/console/filing/contracts/" + low.filingCode() + "']"))
                .isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#view-activity a.csv")).getDomAttribute("href"))
                .contains("/api/v1/monitoring/activity?").contains("format=csv").contains("district=320411");
        screenshot("monitoring", "2-numbers");

        phoneWidth();
        waitUntil(d -> d.findElements(By.cssSelector("section.view[data-loaded]")).size() == 4);
        assertThat(overflowsHorizontally()).as("the monitoring page at 375 px").isFalse();
        assertThat(browser.findElements(By.cssSelector("#chart-volume canvas"))).as("drawn at 375 px too").isNotEmpty();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('view-volume').scrollIntoView()");
        screenshot("monitoring", "3-phone");
        desktopWidth();
        signOut();
    }
}
