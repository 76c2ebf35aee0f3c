package cn.tongban.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.context.WebApplicationContext;

import cn.tongban.IntegrationTest;

/**
 * Base class of the browser journeys of issue #8: a test extends it (and carries {@code @IntegrationTest} itself too,
 * for readers; the context is the suite's one either way) and drives the running platform through a real, headless
 * Chromium with Selenium.
 *
 * <ul>
 * <li>one Chromium for the whole test JVM, started on first use and closed when the JVM ends; every test starts
 * signed out, with no cookies (so in zh-CN: the browser asks for zh-CN first) and at desktop width 1280×900;</li>
 * <li>the binaries: system properties {@code tongban.chrome.binary} (default {@code /usr/bin/chromium}) and
 * {@code tongban.chromedriver} (default {@code /usr/bin/chromedriver}); when either is missing the test is
 * <em>skipped</em> with a one-line reason (a JUnit assumption), so a machine without Chromium still builds —
 * {@code .ci/run} installs Debian's {@code chromium} and {@code chromium-driver};</li>
 * <li>accounts: create them in the test with {@link cn.tongban.identity.TestAccounts} (a staff user with roles and a
 * password, or a citizen) and sign in with {@link #signIn}.</li>
 * </ul>
 *
 * <pre>{@code
 * @IntegrationTest
 * class FilingJourneyTest extends BrowserJourney {
 *     @Test
 *     void aDeveloperClerkFilesAContractAndSeesItsFilingCode() {
 *         String clerk = TestAccounts.staff(context, DepartmentType.DEVELOPER, List.of(), "developer-clerk");
 *         signIn(clerk, TestAccounts.PASSWORD);
 *         open("/console/filing/contracts/new");
 *         browser.findElement(By.name("price")).sendKeys("1200000");
 *         ...
 *         screenshot("filing", "filed");
 *     }
 * }
 * }</pre>
 */
@IntegrationTest
public abstract class BrowserJourney {

    /** Desktop window of every test's start. */
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    /** The phone width the pages must fit (a 375 px wide phone, e.g. iPhone SE/X). */
    public static final int PHONE_WIDTH = 375;

    /** How long a journey waits for the platform: generous, a CI machine may be busy with a parallel build. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static ChromeDriver shared;

    /** A failed journey leaves {@code target/screenshots/<TestClass>-<test>-failed.png} of where it stopped. */
    @RegisterExtension
    final TestWatcher failureScreenshots = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext test, Throwable cause) {
            if (shared != null && browser != null) {
                try {
                    screenshot(test.getRequiredTestClass().getSimpleName(), test.getRequiredTestMethod().getName() + "-failed");
                } catch (RuntimeException noScreenshot) {
                    cause.addSuppressed(noScreenshot);
                }
            }
        }
    };

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApplicationContext context;

    /** The shared browser, ready for this test. */
    protected WebDriver browser;

    @BeforeEach
    protected void browserForThisTest() {
        browser = sharedBrowser();
        restoreCookieCsrfTokens();
        desktopWidth();
        // a page of the platform first: cookies are deleted for the current site
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    /**
     * The suite's MockMvc tests sign requests with spring-security-test's {@code csrf()}, which replaces the CSRF token
     * repository of the running platform's security filter for good — with one that keeps tokens in the session, so
     * that the XSRF-TOKEN cookie tongban.js sends would never be set again. A browser journey puts the platform's own
     * cookie repository back ({@code SecurityConfiguration}: {@code CookieCsrfTokenRepository.withHttpOnlyFalse()});
     * a later {@code csrf()} replaces it again, for MockMvc only.
     */
    /** Also for a journey whose own MockMvc set-up ran after this class's, before its browser signs in. */
    protected void restoreCookieCsrfTokens() {
        MockHttpServletRequest page = new MockHttpServletRequest(((WebApplicationContext) context).getServletContext(), "GET", "/console");
        if (!(WebTestUtils.getCsrfTokenRepository(page) instanceof CookieCsrfTokenRepository)) {
            WebTestUtils.setCsrfTokenRepository(page, CookieCsrfTokenRepository.withHttpOnlyFalse());
        }
    }

    /** The Chromium binary: {@code -Dtongban.chrome.binary}, default {@code /usr/bin/chromium}. */
    public static Path chromeBinary() {
        return Path.of(System.getProperty("tongban.chrome.binary", "/usr/bin/chromium"));
    }

    /** The chromedriver binary: {@code -Dtongban.chromedriver}, default {@code /usr/bin/chromedriver}. */
    public static Path chromedriver() {
        return Path.of(System.getProperty("tongban.chromedriver", "/usr/bin/chromedriver"));
    }

    private static synchronized ChromeDriver sharedBrowser() {
        Path chrome = chromeBinary();
        Path driver = chromedriver();
        Assumptions.assumeTrue(Files.isExecutable(chrome),
                () -> "browser journey skipped: no Chromium at " + chrome + " (apt-get install chromium, or -Dtongban.chrome.binary=…)");
        Assumptions.assumeTrue(Files.isExecutable(driver),
                () -> "browser journey skipped: no chromedriver at " + driver + " (apt-get install chromium-driver, or -Dtongban.chromedriver=…)");
        if (shared == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chrome.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-dev-shm-usage", "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=zh-CN",
                    "--hide-scrollbars");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driver.toFile())
                    .usingAnyFreePort()
                    .withLogOutput(java.io.OutputStream.nullOutputStream())
                    .build();
            shared = new ChromeDriver(service, options);
            shared.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            ChromeDriver started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "chromium-shutdown"));
        }
        return shared;
    }

    /** The absolute URL of a path of the running platform. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a path of the platform ({@code /console/…}) and waits for the page to load. */
    protected void open(String path) {
        browser.get(url(path));
    }

    /** The path (and query) of the page the browser shows now. */
    protected String currentPath() {
        String current = browser.getCurrentUrl();
        String base = url("");
        return current.startsWith(base) ? current.substring(base.length()) : current;
    }

    /**
     * Signs in through the sign-in page, as a person would, and waits until the browser has left it (to the console,
     * the portal or the page asked for). A failed sign-in stays on {@code /login?error=…}: check {@link #currentPath}.
     */
    protected void signIn(String user, String password) {
        restoreCookieCsrfTokens(); // a journey's own MockMvc set-up may have run since the last restore
        open("/login");
        WebElement name = browser.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        waitUntil(d -> !currentPath().equals("/login"));
    }

    /** Signs out with the header's button and waits for the landing page. */
    protected void signOut() {
        browser.findElement(By.cssSelector("form.sign-out button")).click();
        waitUntil(d -> currentPath().equals("/"));
    }

    /**
     * Saves a screenshot of the page as {@code target/screenshots/<journey>-<step>.png} (for the README, the review
     * and a failing journey's post-mortem).
     */
    protected Path screenshot(String journey, String step) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(journey + "-" + step + ".png");
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on the page is laid out as on a 375 px wide phone (device emulation, touch and a 2× screen). */
    protected void phoneWidth() {
        shared.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        browser.navigate().refresh();
    }

    /** Back to the desktop window. */
    protected void desktopWidth() {
        shared.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.manage().window().setSize(DESKTOP);
    }

    /** Whether the page is wider than the window: something overflows the body horizontally. */
    protected boolean overflowsHorizontally() {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "var d = document.documentElement; return Math.max(d.scrollWidth, document.body.scrollWidth) > window.innerWidth;");
        return Boolean.TRUE.equals(overflow);
    }

    /** The page's visible text of the first element the selector finds. */
    protected String text(String cssSelector) {
        return browser.findElement(By.cssSelector(cssSelector)).getText();
    }

    /** The paths the navigation links to, in order: the console's menu, or the portal's row for a citizen. */
    protected List<String> menuPaths() {
        String base = url("");
        return browser.findElements(By.cssSelector("nav.side a, nav.portal-nav a")).stream()
                .map(a -> a.getDomProperty("href"))
                .map(href -> href.startsWith(base) ? href.substring(base.length()) : href)
                .toList();
    }

    /**
     * Waits up to {@link #WAIT} for the condition (a page to load, an htmx swap, a redirect after a form): true or
     * non-null ends the wait and is returned.
     */
    protected <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        // a page being replaced (a form posted, htmx swapping) leaves elements just found stale: look again
        return new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Waits up to {@link #WAIT} for an element to be visible. */
    protected WebElement waitFor(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
