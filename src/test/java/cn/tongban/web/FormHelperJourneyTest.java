package cn.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.TestAccounts;

/**
 * Issue #8: tongban.js, the pages' form helper, in a real browser — a form becomes the API's JSON, goes out with the
 * session's CSRF token, shows the API's problem+json errors next to the fields, and follows data-then on success.
 * The form is put into the console page by the test: the foundation has no business form of its own.
 */
@IntegrationTest
class FormHelperJourneyTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    static final String FORM = """
            <form id="probe" data-api="POST /api/v1/users" data-then="/console?created={username}">
              <p class="form-error" role="alert"></p>
              <label for="p-username">user</label><input id="p-username" name="username">
              <label for="p-display">name</label><input id="p-display" name="displayName">
              <label for="p-department">department</label><input id="p-department" name="departmentId" type="number">
              <label for="p-password">password</label><input id="p-password" name="password" type="password">
              <small class="field-error" data-for="password"></small>
              <label for="p-role">role</label><input id="p-role" name="roles[0]">
              <label for="p-note">note</label><input id="p-note" name="note.text">
              <button type="submit">create</button>
            </form>""";

    @Test
    void aFormIsSentAsJsonWithTheCsrfTokenShowsTheApisErrorsInPlaceAndFollowsDataThen() throws Exception {
        String admin = TestAccounts.staff(context, DepartmentType.HOUSING, List.of(), "housing-admin");
        long department = jdbc.sql("SELECT department_id FROM staff_user WHERE username = ?").param(admin).query(Long.class).single();
        signIn(admin, TestAccounts.PASSWORD);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', arguments[0]);", FORM);

        String username = "form-probe-" + TestData.next();
        field("p-username").sendKeys(username);
        field("p-display").sendKeys("表单测试");
        field("p-department").sendKeys(Long.toString(department));
        field("p-password").sendKeys("short1");
        field("p-role").sendKeys("housing-clerk");
        // what goes out: nested names, a number, an array, the empty field left out
        Map<?, ?> body = new ObjectMapper().readValue((String) js.executeScript(
                "return JSON.stringify(window.tongban.serialize(document.getElementById('probe')));"), Map.class);
        assertThat(body).isEqualTo(Map.of("username", username, "displayName", "表单测试", "departmentId", (int) department,
                "password", "short1", "roles", List.of("housing-clerk")));

        browser.findElement(By.cssSelector("#probe button")).click();
        // the answer arrives: the form's message is filled in whatever it says
        String formError = waitUntil(d -> {
            String shown = d.findElement(By.cssSelector("#probe .form-error")).getText();
            return shown.isBlank() ? null : shown;
        });
        WebElement passwordError = browser.findElement(By.cssSelector("#probe .field-error[data-for=password]"));
        assertThat(passwordError.getText()).as("the form said: %s", formError).contains("12");
        assertThat(field("p-password").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(jdbc.sql("SELECT count(*) FROM staff_user WHERE username = ?").param(username).query(Long.class).single()).isZero();
        screenshot("form-helper", "1-errors-in-place");

        field("p-password").clear();
        field("p-password").sendKeys("a much longer pass 2026");
        browser.findElement(By.cssSelector("#probe button")).click();
        waitUntil(d -> currentPath().startsWith("/console?created="));
        assertThat(currentPath()).isEqualTo("/console?created=" + username);
        assertThat(jdbc.sql("SELECT count(*) FROM staff_user WHERE username = ?").param(username).query(Long.class).single()).isOne();
    }

    private WebElement field(String id) {
        return browser.findElement(By.id(id));
    }
}
