package cn.tongban.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.web.BrowserJourney;

/**
 * Issue #8 item 2 in a browser: a developer's clerk files the sale of a new home through the wizard — unit, buyer,
 * the live checks, filing — sees its filing code, and the 楼盘表 grid then shows the unit 已备案, also on a phone.
 */
@IntegrationTest
class FilingJourneyTest extends BrowserJourney {

    private static final String PASSWORD = "filing journey 2026";

    @Autowired
    MockMvc http;

    @Test
    void aDeveloperClerkFilesASaleAndTheGridShowsTheUnitFiled() throws Exception {
        // the developer's project with units on sale, and its clerk, made through the admin API
        FilingFixture fixture = new FilingFixture(http);
        List<String> units = fixture.unitsOnSale(3);
        long buildingId = fixture.body(http.perform(get("/api/v1/units/" + units.get(0)))).get("buildingId").asLong();
        String company = "常州网签开发有限公司" + TestData.next();
        long department = fixture.body(fixture.postJson("/api/v1/departments", """
                {"creditCode":"%s","name":"%s","type":"DEVELOPER","allDistricts":false,"districts":[]}"""
                .formatted(fixture.developer, company)).andExpect(status().isCreated())).get("id").asLong();
        String clerk = "dev-clerk-" + TestData.next();
        fixture.postJson("/api/v1/users", """
                {"username":"%s","displayName":"销售员","departmentId":%d,"password":"%s","roles":["developer-clerk"]}"""
                .formatted(clerk, department, PASSWORD)).andExpect(status().isCreated());

        signIn(clerk, PASSWORD);
        assertThat(currentPath()).isEqualTo("/console");
        assertThat(menuPaths()).contains("/console/filing", "/console/filing/contracts", "/console/buildings");
        screenshot("filing", "1-signed-in");

        // (1) the unit
        open("/console/filing");
        assertThat(browser.findElement(By.name("sellers[0].idNumber")).getDomProperty("value")).isEqualTo(fixture.developer);
        WebElement search = browser.findElement(By.id("unit-search"));
        search.sendKeys(units.get(0));
        waitUntil(d -> d.findElements(By.cssSelector("[data-choose-unit]")).size() == 1);
        waitFor(By.id("choose-" + units.get(0))).click();
        assertThat(text("#chosen-unit")).startsWith(units.get(0));
        screenshot("filing", "2-unit");

        // (2) a buyer
        browser.findElement(By.id("buyer-0-idNumber")).sendKeys(TestData.citizenId("19900606"));
        browser.findElement(By.id("buyer-0-name")).sendKeys("王小明");
        browser.findElement(By.id("buyer-0-phone")).sendKeys("13912345678");
        screenshot("filing", "3-parties");

        // (3) price and terms; the checks pass as the form is filled
        browser.findElement(By.id("price")).sendKeys("1580000");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("paymentType"))).selectByIndex(1);
        waitUntil(d -> d.findElements(By.cssSelector("#checks-outcome.fl-PASS")).size() == 1);
        assertThat(browser.findElements(By.cssSelector("#checks [data-result=FAIL]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#checks [data-result=PASS]"))).isNotEmpty();
        screenshot("filing", "4-checks");

        // (4) file: the filing code and the contract's PDF
        browser.findElement(By.id("file-contract")).click();
        waitUntil(d -> currentPath().startsWith("/console/filing/contracts/"));
        String filingCode = waitFor(By.id("filing-code")).getText();
        assertThat(filingCode).matches("320411-\\d{4}-XS-\\d{8}");
        assertThat(browser.findElement(By.id("contract-pdf")).getDomProperty("href"))
                .endsWith("/api/v1/contracts/" + filingCode + "/document?format=pdf");
        screenshot("filing", "5-filed");

        // the 楼盘表 grid shows the unit 已备案, its card the filing in its history
        open("/console/buildings/" + buildingId);
        WebElement cell = waitFor(By.id("cell-" + units.get(0)));
        assertThat(cell.getDomAttribute("class")).contains("bt-status-FILED");
        assertThat(browser.findElement(By.id("cell-" + units.get(1))).getDomAttribute("class")).contains("bt-status-AVAILABLE");
        cell.click();
        waitUntil(d -> d.findElements(By.cssSelector("#unit-card .bt-trade-status")).size() == 1);
        assertThat(text("#unit-card .bt-trade-status")).isEqualTo("已备案");
        assertThat(text("#unit-card")).contains(filingCode);
        screenshot("filing", "6-grid");

        phoneWidth();
        waitFor(By.id("cell-" + units.get(0)));
        assertThat(overflowsHorizontally()).as("the 楼盘表 grid at 375 px").isFalse();
        screenshot("filing", "7-grid-phone");
        desktopWidth();
    }
}
