package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.identity.TestAccounts;
import cn.tongban.identity.TestCallers;
import cn.tongban.kernel.crypto.PersonalDataCipher;
import cn.tongban.web.BrowserJourney;

/** Issue #8: a citizen sees their home, estimates the taxes of a purchase and sees who looked at their data. */
@IntegrationTest
class CitizenPortalJourneyTest extends BrowserJourney {

    @Autowired
    MockMvc http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void aCitizenSeesTheirHomeEstimatesTaxesAndSeesWhoLookedAtTheirData() throws Exception {
        String me = TestAccounts.citizen(context);
        String unit = new PropertyFixture(http).unit(PropertyFixture.TIANNING);
        // the home is theirs by an older registration the 楼盘表 imported
        jdbc.sql("""
                INSERT INTO unit_owner (unit_code, name_sealed, id_type, id_number_sealed, id_number_index, co_ownership, certificate_no)
                VALUES (?, ?, '01', ?, ?, '01', ?)""")
                .params(unit, cipher.encrypt("测试市民"), cipher.encrypt(me), cipher.blindIndex(me), PropertyFixture.certificateNo())
                .update();
        // a registrar of 天宁区 looks at it, stating why
        http.perform(get("/api/v1/registrations/properties").param("unitCode", unit)
                        .with(TestCallers.as(PropertyFixture.registrar(PropertyFixture.TIANNING, false)))
                        .header("X-Purpose", "办理转移登记核查权属").header("X-Case-Number", "DJ-J" + unit))
                .andExpect(status().isOk());

        restoreCookieCsrfTokens();
        signIn(me, TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("nav a[href$='/portal/homes'], main a[href$='/portal/homes']")).click();
        waitFor(By.cssSelector("article.home"));
        assertThat(text("main")).contains(unit).contains("测试市民");
        screenshot("citizen", "1-my-homes");

        open("/portal/tax/estimate");
        browser.findElement(By.id("price")).sendKeys("1500000");
        browser.findElement(By.id("area")).sendKeys("89.5");
        // the seller's family home since 2015, its only one: no VAT, no income tax (财税字〔1999〕278号 四)
        ((JavascriptExecutor) browser).executeScript("document.getElementById('seller-acquiredOn').value = '2015-01-01'");
        new Select(browser.findElement(By.id("seller-onlyHome"))).selectByValue("true");
        browser.findElement(By.cssSelector("#estimate-form button[type=submit]")).click();
        waitFor(By.cssSelector("#estimate-lines tr"));
        // 89.5 m², the family's only home: deed tax 1 % of 1,500,000 (财政部 税务总局公告2024年第16号 一（一）)
        assertThat(browser.findElements(By.cssSelector("#estimate-lines tr")).stream().map(r -> r.getText())
                .filter(r -> r.startsWith("契税")).findFirst()).hasValueSatisfying(r -> assertThat(r).contains("15,000.00"));
        screenshot("citizen", "2-tax-estimate");

        open("/portal/accesses");
        assertThat(text("#my-accesses")).contains("不动产登记中心320402").contains("办理转移登记核查权属");
        screenshot("citizen", "3-who-looked");

        phoneWidth();
        assertThat(overflowsHorizontally()).as("who looked at my data, at 375 px").isFalse();
        screenshot("citizen", "4-who-looked-phone");
    }
}
