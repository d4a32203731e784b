package com.campaigntracker.standalone.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** What a browser test does on a page: wait for, click, read and fill elements the way a user would. */
final class Pages {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Pages() {
    }

    static WebElement visible(WebDriver driver, By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    static void waitUntil(WebDriver driver, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, PATIENCE).ignoring(RuntimeException.class).until(condition::apply);
    }

    /** Clicks what {@code by} finds, again if a live update redrew it between finding and clicking. */
    static void click(WebDriver driver, By by) {
        waitUntil(driver, d -> {
            d.findElement(by).click();
            return true;
        });
    }

    /** The element's visible text, trimmed; empty when there is no such element. */
    static String text(WebDriver driver, By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }

    static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    /** Date inputs take their value in the browser's locale format when typed; set the ISO value directly. */
    static void setValue(WebDriver driver, WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }
}
