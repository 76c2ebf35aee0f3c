package cn.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.TestAccounts;
import cn.tongban.kernel.IdNumbers;
import cn.tongban.kernel.crypto.PersonalDataCipher;
import cn.tongban.web.BrowserJourney;

/** An auditor (role auditor) searches the audit log for a citizen's records and checks the chain (issue #8). */
@IntegrationTest
class AuditJourneyTest extends BrowserJourney {

    @Autowired
    AuditLog audit;
    @Autowired
    PersonalDataCipher cipher;

    @Test
    void anAuditorSearchesTheLogByIdNumberAndSeesTheChainVerified() {
        String idNumber = TestData.citizenId("19850315");
        String resource = AuditFixture.unique("BA");
        String clerk = AuditFixture.unique("clerk");
        AuditFixture.as(AuditFixture.staff(clerk, "常州市住房和城乡建设局"), () ->
                audit.record(AuditRecord.read("contract", resource, cipher.blindIndex(IdNumbers.normalise(idNumber)))
                        .withPurpose("网签备案审核", resource)));
        String auditor = TestAccounts.staff(context, DepartmentType.BIG_DATA, List.of(), "auditor");

        signIn(auditor, TestAccounts.PASSWORD);
        assertThat(menuPaths()).contains("/console/audit");
        open("/console/audit");
        browser.findElement(By.id("idNumber")).sendKeys(idNumber);
        browser.findElement(By.id("search")).click();
        waitFor(By.cssSelector("#results"));
        List<String> rows = browser.findElements(By.cssSelector("tr.audit-event")).stream().map(r -> r.getText()).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).contains(resource).contains(clerk).contains("网签备案审核");
        assertThat(browser.findElement(By.id("csv-export")).getDomProperty("href")).contains("subjectIndex=")
                .doesNotContain(idNumber);
        screenshot("audit", "search");

        browser.findElement(By.id("verify-now")).click();
        waitUntil(d -> d.findElement(By.id("verification")).getText().contains(auditor));
        String status = text("#verification");
        assertThat(browser.findElements(By.cssSelector("#verification .chain-verified, #verification .chain-broken"))).hasSize(1);
        assertThat(status).contains(auditor);
        screenshot("audit", "chain-verified");

        phoneWidth();
        assertThat(overflowsHorizontally()).as("the audit page fits a 375 px phone").isFalse();
        screenshot("audit", "phone");
    }
}
