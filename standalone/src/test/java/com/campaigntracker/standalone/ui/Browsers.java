package com.campaigntracker.standalone.ui;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Headless Debian Chromium driven through Debian's chromedriver: both paths are given explicitly, so nothing
 * looks for, or downloads, a browser or a driver. Screenshots (on demand with {@link #screenshot} and
 * {@link #fullPage}, and of every open browser when a test fails) are kept in {@code standalone/target/ui-screenshots/}
 * for a person to look at (README "The two commands"); Chinese renders with Debian's fonts-noto-cjk, which
 * {@code .ci/run} installs.
 */
final class Browsers implements TestExecutionExceptionHandler, AfterEachCallback, AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Under the module's own target/ whatever the working directory (failsafe sets {@code basedir}). */
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "ui-screenshots");

    /** Reports every field the UI reads from a JSON answer that the server did not send, as a console error. */
    private static final String UNSENT_FIELD_CHECK = resource("/ui/unsent-field-check.js");

    private final Map<String, WebDriver> open = new LinkedHashMap<>();

    private static String resource(String name) {
        try (var in = Browsers.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A desktop-sized browser window (a leader's or coordinator's). */
    WebDriver desktop(String name) {
        return open(name, new Dimension(1366, 1000));
    }

    /** A desktop-sized browser window that saves downloads into {@code downloads} without asking. */
    WebDriver desktop(String name, Path downloads) {
        return open(name, new Dimension(1366, 1000), downloads);
    }

    /** A phone-sized browser window (a unit reporting from the field). */
    WebDriver phone(String name) {
        return open(name, new Dimension(390, 844));
    }

    private WebDriver open(String name, Dimension size) {
        return open(name, size, null);
    }

    private WebDriver open(String name, Dimension size, Path downloads) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false,
                    "profile.default_content_setting_values.automatic_downloads", 1));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", UNSENT_FIELD_CHECK));
        driver.manage().window().setSize(size);
        open.put(name, driver);
        return driver;
    }

    /**
     * Signs in through the product's sign-in page when it has one (the page posts the form with its CSRF token);
     * a product without sign-in serves its UI straight away.
     */
    static void signIn(WebDriver driver, String baseUrl, Accounts account) {
        driver.get(baseUrl + "/login.html");
        if (driver.findElements(org.openqa.selenium.By.id("login-form")).isEmpty()) {
            return;
        }
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(account.username());
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(account.password());
        driver.findElement(org.openqa.selenium.By.cssSelector("#login-form [type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(d -> !d.getCurrentUrl().contains("login"));
    }

    /** Saves a PNG of every open browser, named after the test and the browser. */
    void screenshotAll(String label) {
        open.forEach((name, driver) -> screenshot(driver, label + "-" + name));
    }

    static Path screenshot(WebDriver driver, String label) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(label.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(file, png);
            return file;
        } catch (Exception e) {
            System.err.println("could not save screenshot " + label + ": " + e);
            return null;
        }
    }

    /** A full-page screenshot: the window is stretched to the page's height for the shot. */
    static Path fullPage(WebDriver driver, String label) {
        Dimension before = driver.manage().window().getSize();
        Object height = ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        int h = Math.min(6000, ((Number) height).intValue() + 140);
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.max(h, before.getHeight())));
        try {
            return screenshot(driver, label);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /**
     * JavaScript errors the page logged (uncaught exceptions, failed module or script loads, 5xx answers), and
     * every field the UI read that the server's JSON does not have (see {@code ui/unsent-field-check.js}).
     */
    static List<String> scriptErrors(WebDriver driver) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && !message.contains("favicon")
                    // an API answering 4xx is logged as a failed resource; the page shows it as a message
                    && !message.contains("Failed to load resource: the server responded with a status of 4")
                    && !message.contains("/progress/stream")) {
                errors.add(message);
            }
        }
        return errors;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        String label = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        screenshotAll(label);
        open.forEach((name, driver) -> {
            try {
                System.err.println("[" + name + "] at " + driver.getCurrentUrl() + " console: "
                        + driver.manage().logs().get(LogType.BROWSER).getAll());
            } catch (Exception ignored) {
                // the browser may be gone; the screenshot attempt already said so
            }
        });
        throw throwable;
    }

    /** Every browser of a test is quit when the test ends (after a failure's screenshots were taken). */
    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        open.values().forEach(driver -> {
            try {
                driver.quit();
            } catch (Exception e) {
                System.err.println("could not quit a browser: " + e);
            }
        });
        open.clear();
    }
}
