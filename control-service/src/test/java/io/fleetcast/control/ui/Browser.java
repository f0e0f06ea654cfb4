package io.fleetcast.control.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One real headless Chromium (Debian {@code chromium} + {@code chromium-driver}), one session:
 * its own profile, cookies and localStorage, like a second person on another machine. Without
 * the browser the test fails (never skips), naming the packages to install.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser open() {
        return open(CHROMIUM, CHROMEDRIVER);
    }

    static Browser open(Path chromium, Path chromedriver) {
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            throw new AssertionError("browser tests need Chromium and its WebDriver (" + chromium + ", " + chromedriver
                    + "). Install the Debian packages: apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--autoplay-policy=no-user-gesture-required",
                // Host candidates as plain loopback addresses: two local peers need no mDNS.
                "--disable-features=WebRtcHideLocalIpsWithMdns");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    ChromeDriver driver() {
        return driver;
    }

    Browser go(String url) {
        driver.get(url);
        return this;
    }

    /** The element, once the page has put it there (pages render from their modules). */
    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage("element " + css)
                .until(d -> d.findElement(By.cssSelector(css)));
    }

    String text(String css) {
        return find(css).getText();
    }

    void click(String css) {
        waitFor(() -> find(css).isDisplayed() && find(css).isEnabled(), "clickable " + css);
        find(css).click();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    @SuppressWarnings("unchecked")
    <T> T js(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void waitFor(BooleanSupplier condition, String what) {
        waitFor(condition, what, Duration.ofSeconds(15));
    }

    void waitFor(BooleanSupplier condition, String what, Duration within) {
        new WebDriverWait(driver, within).withMessage(what).ignoring(RuntimeException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** Signs in through the page's own form. */
    void signIn(String name, String password) {
        type("#session-name", name);
        type("#session-password", password);
        click("#sign-in");
        waitFor(() -> text("#signed-in-as").contains(name), "signed in as " + name);
    }

    /** Console messages logged as errors since the last call (CSP violations and failed loads included). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Saves a PNG of the window as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            // The whole page, not just the first screenful: grow the window to the page's height.
            var window = driver.manage().window();
            Dimension before = window.getSize();
            long height = this.<Number>js("return document.documentElement.scrollHeight").longValue();
            window.setSize(new Dimension(before.getWidth(), (int) Math.min(4000, Math.max(before.getHeight(), height + 140))));
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            window.setSize(before);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> localStorage() {
        return js("return Object.assign({}, window.localStorage);");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
