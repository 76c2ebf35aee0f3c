package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.TestAccounts;
import cn.tongban.web.BrowserJourney;

/**
 * 互联网+不动产登记 in the browser (issue #8): a buyer applies online for the transfer of a filed new home and pays the
 * fee, the tax bureau's payment arrives, a registrar of the district accepts, reviews, registers and certifies from
 * the console, and the buyer downloads the e-certificate and verifies it on the public page its QR code opens; a
 * registrar of another district neither sees nor opens the application.
 */
@IntegrationTest
class RegistrationJourneyTest extends BrowserJourney {

    @Autowired
    MockMvc http;

    /** A filed sale of a new home in 新北区 (320411) to a buyer with a portal account. */
    private record Sale(String unitCode, String filingCode, String buyerId) {
    }

    private Sale filedSale() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        String unit = filing.unitsOnSale(1).get(0);
        String buyerId = TestAccounts.citizen(context, TestData.citizenId("19880808"), "买受人");
        return new Sale(unit, filing.fileSale(unit, buyerId), buyerId);
    }

    @Test
    void aBuyerAppliesAndPaysARegistrarRegistersAndTheBuyerDownloadsAndVerifiesTheCertificate() throws Exception {
        Sale sale = filedSale();
        String registrar = TestAccounts.staff(context, DepartmentType.REGISTRATION, List.of("320411"), "registrar");
        restoreCookieCsrfTokens();

        // the buyer applies from the filed contract: nothing to type but its filing code (免填单)
        signIn(sale.buyerId(), TestAccounts.PASSWORD);
        open("/portal/registration/apply");
        browser.findElement(By.id("filingCode")).sendKeys(sale.filingCode());
        browser.findElement(By.id("lookup")).click();
        waitFor(By.id("preview"));
        assertThat(text("#preview")).contains(sale.unitCode()).contains("1580000");
        assertThat(text("#parties")).doesNotContain(sale.buyerId());
        screenshot("registration", "1-apply-prefilled");
        browser.findElement(By.id("submit-application")).click();
        awaitOrShoot(() -> waitUntil(d -> currentPath().startsWith("/portal/registration/applications/")), "submitted");
        String no = currentPath().substring("/portal/registration/applications/".length());
        assertThat(text("#status")).isEqualTo("待受理");

        // an optional material uploaded as the raw file; then the demo fee
        Path pdf = Files.createTempFile("certificate", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% 原不动产权属证书\n%%EOF\n");
        int item = itemIndex("不动产权属证书");
        browser.findElement(By.id("file-" + item)).sendKeys(pdf.toAbsolutePath().toString());
        browser.findElement(By.id("upload-button-" + item)).click();
        waitFor(By.cssSelector(".uploaded[data-item='不动产权属证书']"));
        screenshot("registration", "2-material-uploaded");
        browser.findElement(By.id("pay")).click();
        waitFor(By.id("fee-paid"));
        screenshot("registration", "3-fee-paid");
        signOut();

        // the tax bureau's part, through its API (契税法 第十一条: tax before the certificate)
        new RegistrationFixture(http, context).payTax(sale.filingCode());
        restoreCookieCsrfTokens();

        // the registrar: queue, accept, review, register, certify
        signIn(registrar, TestAccounts.PASSWORD);
        open("/console/registration?step=accept");
        assertThat(text("#queue")).contains(no);
        screenshot("registration", "4-queue");
        browser.findElement(By.linkText(no)).click();
        waitFor(By.id("accept"));
        assertThat(browser.findElements(By.cssSelector("#materials a"))).isNotEmpty();
        screenshot("registration", "5-application");
        step(By.id("accept"), "已受理");
        assertThat(browser.findElement(By.cssSelector("#checks tr[data-check='materials']")).getDomAttribute("data-result"))
                .isEqualTo("passed");
        step(By.id("approve"), "审核通过");
        screenshot("registration", "6-reviewed");
        step(By.id("register"), "已登簿");
        step(By.id("certify"), "已办结");
        String certificateNo = text("#certificate-no");
        screenshot("registration", "7-certified");
        browser.findElement(By.linkText("查看登记簿")).click();
        waitFor(By.id("book"));
        assertThat(browser.findElement(By.id("chain")).getDomAttribute("data-verifies")).isEqualTo("true");
        assertThat(text("#book")).contains(certificateNo).doesNotContain(sale.buyerId());
        screenshot("registration", "8-register-book");
        signOut();

        // the buyer downloads the certificate and opens what its QR code carries, on a phone
        signIn(sale.buyerId(), TestAccounts.PASSWORD);
        open("/portal/registration/applications/" + no);
        String href = browser.findElement(By.id("certificate-download")).getDomProperty("href");
        byte[] certificate = download(href);
        assertThat(new String(certificate, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String qr = DocumentFixture.qrCode(certificate);
        assertThat(qr).contains("/portal/public/verify?code=");
        String code = qr.substring(qr.indexOf("code=") + 5);
        screenshot("registration", "9-completed");
        signOut();

        phoneWidth();
        open("/portal/public/verify?code=" + code);
        assertThat(text("#verified-status")).isEqualTo("现势");
        assertThat(text("#verified-number")).isEqualTo(certificateNo);
        assertThat(text("#verified")).doesNotContain(sale.buyerId());
        assertThat(overflowsHorizontally()).as("the verification page at 375 px").isFalse();
        screenshot("registration", "10-verified-phone");
        desktopWidth();

        // typed by hand, grouped and in lower case, it is the same code; an unknown one says so
        open("/portal/public/verify");
        browser.findElement(By.id("code")).sendKeys(code.toLowerCase().replaceAll("(.{4})(?!$)", "$1-"));
        browser.findElement(By.id("verify")).click();
        assertThat(waitFor(By.id("verified-number")).getText()).isEqualTo(certificateNo);
        open("/portal/public/verify?code=ABCD-EFGH-JKLM-NPQR");
        assertThat(browser.findElement(By.id("verify-failure")).getDomAttribute("data-failure")).isEqualTo("unknown");
        screenshot("registration", "11-unknown-code");
    }

    @Test
    void aRegistrarOfAnotherDistrictNeitherSeesNorOpensTheApplication() throws Exception {
        RegistrationFixture api = new RegistrationFixture(http, context);
        RegistrationFixture.Sale sale = api.filedSale();
        String no = api.applyForTransfer(sale);
        String otherDistrict = TestAccounts.staff(context, DepartmentType.REGISTRATION, List.of("320402"), "registrar");

        signIn(otherDistrict, TestAccounts.PASSWORD);
        open("/console/registration?step=accept");
        assertThat(browser.getPageSource()).doesNotContain(no);
        screenshot("registration-scope", "1-queue-without-it");
        open("/console/registration/applications/" + no);
        assertThat(text("main h1")).isEqualTo("未找到");
        assertThat(browser.getPageSource()).doesNotContain(sale.unitCode());
        screenshot("registration-scope", "2-not-found");
    }

    /** Clicks the action's button and waits for the application page to show the new status. */
    private void step(By button, String status) {
        browser.findElement(button).click();
        awaitOrShoot(() -> waitUntil(d -> d.findElement(By.id("status")).getText().equals(status)), status);
    }

    /** Waits; on a timeout keeps a screenshot of what the page showed instead (the form's error, say). */
    private void awaitOrShoot(Runnable wait, String step) {
        try {
            wait.run();
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("registration", "failed-" + step);
            throw new AssertionError("no " + step + "; the page says: " + browser.findElements(By.cssSelector(".form-error, .field-error"))
                    .stream().map(org.openqa.selenium.WebElement::getText).filter(t -> !t.isBlank()).toList(), e);
        }
    }

    private int itemIndex(String item) {
        List<String> items = browser.findElements(By.cssSelector("#materials tbody tr td:first-child")).stream()
                .map(e -> e.getText()).toList();
        assertThat(items).contains(item);
        return items.indexOf(item);
    }

    /** The link's bytes, fetched with the browser's session cookie as the browser would download them. */
    private byte[] download(String href) throws Exception {
        Cookie session = browser.manage().getCookieNamed("SESSION") != null ? browser.manage().getCookieNamed("SESSION")
                : browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", session.getName() + "=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        return response.body();
    }
}
