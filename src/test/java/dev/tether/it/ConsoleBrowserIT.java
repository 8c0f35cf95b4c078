package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The audit console in a real headless Chromium (profile browser): signed in through the
 * development SSO's login form (authorization code with PKCE), after a seeded flow of
 * registrations, grants and refusals of several reasons, the overview's tables carry the trail's
 * totals, paging reaches every event once, a user id opens the timeline, the export downloads the
 * filtered CSV, and a subscriber gets the no-access message. A failed test leaves a screenshot in
 * target/console-browser.
 */
class ConsoleBrowserIT extends TetherIT {

    private static final Path ARTIFACTS = Path.of(System.getProperty("console.artifacts", "target/console-browser"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebDriver driver;
    private WebDriverWait wait;
    private Path downloads;
    private Path profile;

    /** Seeded by each test for a user of its own. */
    private String user;

    private String device;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && driver != null) {
            Files.createDirectories(ARTIFACTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(ARTIFACTS.resolve(context.getRequiredTestMethod().getName() + ".png"), png);
            Files.writeString(
                    ARTIFACTS.resolve(context.getRequiredTestMethod().getName() + ".html"), driver.getPageSource());
        }
    };

    @BeforeEach
    void startChromium(TestInfo test) throws IOException {
        Files.createDirectories(ARTIFACTS);
        downloads = Files.createDirectories(ARTIFACTS
                .resolve("downloads-" + test.getTestMethod().orElseThrow().getName())
                .toAbsolutePath());
        try (Stream<Path> old = Files.list(downloads)) {
            old.forEach(p -> p.toFile().delete());
        }
        profile = Files.createTempDirectory(ARTIFACTS.toAbsolutePath(), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,800",
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterEach
    void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    /**
     * A user with a bound device (registration, resolution, device-bound token), six time-based
     * tokens, and refusals of two reasons: two titles unknown (UNKNOWN_CONTENT) and a cookie never
     * registered (NOT_REGISTERED). Twelve events.
     */
    private void seed() {
        user = newUser("console");
        device = Player.newDevice();
        String token = http.token(user, "subscriber");
        asPlayer.bindDevice(token, device);
        for (int i = 0; i < 6; i++) {
            assertTrue(
                    asPlayer.entitlement(token, Player.request(1, "demo-movie")).getBoolean("isAllowed"));
        }
        for (int i = 0; i < 2; i++) {
            assertFalse(asPlayer.entitlement(token, Player.request(1, "missing-" + UUID.randomUUID()))
                    .getBoolean("isAllowed"));
        }
        assertFalse(asPlayer.entitlement(token, Player.request(3, "demo-movie", "neverRegistered-0123456789"))
                .getBoolean("isAllowed"));
    }

    /** Through the console's button and the development SSO's login form, as a person would. */
    private void signIn(String name, String groups) {
        driver.get(base + "console/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        WebElement userField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        userField.sendKeys(name);
        WebElement groupsField = driver.findElement(By.id("groups"));
        groupsField.clear();
        groupsField.sendKeys(groups);
        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
        assertEquals(name, driver.findElement(By.id("who-user")).getText());
        assertFalse(driver.getCurrentUrl().contains("code="), "the code is gone from the address bar");
    }

    private String auditorName() {
        return newUser("audrey");
    }

    private static String text(WebElement element) {
        return element.getAttribute("textContent").strip();
    }

    private long cell(String css) {
        return Long.parseLong(text(driver.findElement(By.cssSelector(css))));
    }

    /** The summary over the range the page shows (its date inputs), read over the API. */
    private JsonObject summaryOfPageRange(String auditor) {
        String from = driver.findElement(By.id("range-from")).getAttribute("value");
        String to = driver.findElement(By.id("range-to")).getAttribute("value");
        String end = LocalDate.parse(to)
                .plusDays(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .toString();
        return Http.expect(200, asAuditor.summary(auditor, "from=" + from + "T00:00:00Z&to=" + end));
    }

    private static Map<String, Long> sums(JsonArray rows, String key) {
        Map<String, Long> sums = new HashMap<>();
        rows.forEach(r -> sums.merge(
                r.asJsonObject().getString(key),
                r.asJsonObject().getJsonNumber("tokens").longValue(),
                Long::sum));
        return sums;
    }

    private static Map<String, Long> refusals(JsonObject summary) {
        Map<String, Long> byReason = new HashMap<>();
        summary.getJsonArray("refusalsByReason")
                .forEach(r -> byReason.put(
                        r.asJsonObject().getString("reasonCode"),
                        r.asJsonObject().getJsonNumber("refusals").longValue()));
        return byReason;
    }

    @Test
    void theOverviewsTablesCarryTheTrailsTotals() throws IOException {
        String auditor = http.token(auditorName(), "auditor");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String range = "from=" + today + "T00:00:00Z&to="
                + LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        JsonObject before = Http.expect(200, asAuditor.summary(auditor, range));
        seed();
        JsonObject after = Http.expect(200, asAuditor.summary(auditor, range));
        Map<String, Long> typesBefore = sums(before.getJsonArray("tokensPerDayByType"), "type");
        Map<String, Long> typesAfter = sums(after.getJsonArray("tokensPerDayByType"), "type");
        assertEquals(1, typesAfter.getOrDefault("REGISTRATION", 0L) - typesBefore.getOrDefault("REGISTRATION", 0L));
        assertEquals(
                6, typesAfter.getOrDefault("TIME_BASED_TOKEN", 0L) - typesBefore.getOrDefault("TIME_BASED_TOKEN", 0L));
        assertEquals(
                1,
                typesAfter.getOrDefault("DEVICE_BOUND_TOKEN", 0L) - typesBefore.getOrDefault("DEVICE_BOUND_TOKEN", 0L));
        assertEquals(
                2, refusals(after).get("UNKNOWN_CONTENT") - refusals(before).getOrDefault("UNKNOWN_CONTENT", 0L));
        assertEquals(1, refusals(after).get("NOT_REGISTERED") - refusals(before).getOrDefault("NOT_REGISTERED", 0L));

        signIn(auditorName(), "auditor");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("totals"), " granted, "));
        JsonObject summary = summaryOfPageRange(auditor);

        Map<String, Long> byType = sums(summary.getJsonArray("tokensPerDayByType"), "type");
        for (String type : List.of("REGISTRATION", "TIME_BASED_TOKEN", "DEVICE_BOUND_TOKEN")) {
            assertEquals(
                    byType.getOrDefault(type, 0L).longValue(),
                    cell("#table-by-type tfoot td[data-key='" + type + "']"),
                    type);
        }
        long tokens = summary.getJsonArray("tokensPerDay").stream()
                .mapToLong(d -> d.asJsonObject().getJsonNumber("tokens").longValue())
                .sum();
        assertEquals(tokens, cell("#table-by-type tfoot td[data-key='total']"));
        Map<String, Long> byDrm = sums(summary.getJsonArray("tokensPerDayByDrm"), "drm");
        for (String drm : List.of("fairplay", "widevine", "playready")) {
            assertEquals(
                    byDrm.getOrDefault(drm, 0L).longValue(), cell("#table-by-drm tfoot td[data-key='" + drm + "']"));
        }
        assertEquals(tokens, cell("#table-by-drm tfoot td[data-key='total']"));
        Map<String, Long> reasons = refusals(summary);
        assertTrue(reasons.size() >= 2, "refusals of several reasons: " + reasons);
        reasons.forEach((reason, count) -> assertEquals(
                count.longValue(), cell("#table-refusals tbody tr[data-key='" + reason + "'] td"), reason));
        assertEquals(
                reasons.values().stream().mapToLong(Long::longValue).sum(),
                cell("#table-refusals tfoot td[data-key='total']"));
        assertEquals(
                summary.getJsonObject("streams")
                        .getJsonNumber("refusedOverLimit")
                        .longValue(),
                cell("#table-streams tfoot td[data-key='refusedOverLimit']"));
        List<WebElement> peakRows = driver.findElements(By.cssSelector("#table-streams tbody tr"));
        assertEquals(summary.getJsonObject("streams").getJsonArray("peakPerDay").size(), peakRows.size());
        assertTrue(
                driver.findElement(By.id("chart-by-type"))
                        .getAttribute("aria-label")
                        .contains("in all"),
                "the chart's text alternative");

        Object overflow = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "no horizontal scrolling at 1280 x 800");
        Files.write(ARTIFACTS.resolve("overview.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void pagingThroughEventsReachesEveryEventExactlyOnce() {
        seed();
        String auditor = http.token(auditorName(), "auditor");
        List<Long> expected = asAuditor.events(auditor, user, 500).stream()
                .map(e -> e.asJsonObject().getJsonNumber("id").longValue())
                .toList();
        assertEquals(12, expected.size(), "the seeded flow's events");

        signIn(auditorName(), "auditor");
        driver.findElement(By.id("tab-events")).click();
        driver.findElement(By.id("f-user")).sendKeys(user);
        new Select(driver.findElement(By.id("f-limit"))).selectByVisibleText("5");
        driver.findElement(By.id("search")).click();
        List<Long> seen = new ArrayList<>();
        int pages = 0;
        while (true) {
            int page = ++pages;
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-info"), "Page " + page + ":"));
            driver.findElements(By.cssSelector("#table-events tbody tr[data-id]"))
                    .forEach(r -> seen.add(Long.parseLong(r.getAttribute("data-id"))));
            WebElement next = driver.findElement(By.id("next-page"));
            if (!next.isEnabled()) {
                break;
            }
            next.click();
        }
        assertEquals(3, pages, "12 events, 5 a page");
        assertEquals(expected, seen, "every event once, newest first");
        assertEquals(seen.size(), new HashSet<>(seen).size());

        driver.findElement(By.cssSelector("#table-events tbody tr[data-id] button[data-detail]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        assertTrue(text(driver.findElement(By.id("detail-fields"))).contains(user));
    }

    @Test
    void clickingAUserOpensTheTimelineAndADeviceItsUsers() {
        seed();
        signIn(auditorName(), "auditor");
        driver.findElement(By.id("tab-events")).click();
        driver.findElement(By.id("f-device")).sendKeys(device);
        driver.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-info"), "Page 1:"));
        driver.findElement(By.cssSelector("#table-events button[data-user]")).click();

        wait.until(ExpectedConditions.textToBe(By.id("timeline-heading"), "User " + user));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-view")));
        List<WebElement> devices = driver.findElements(By.cssSelector("#table-user-devices tbody tr"));
        assertEquals(1, devices.size());
        assertTrue(text(devices.get(0)).startsWith(device));
        assertEquals(
                12,
                driver.findElements(By.cssSelector("#table-user-events tbody tr"))
                        .size());
        assertTrue(text(driver.findElement(By.id("user-counts"))).contains("8 tokens granted and 3 refusals"));

        driver.findElement(By.cssSelector("#table-user-devices button[data-device]"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("timeline-heading"), "Device " + device));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("device-view")));
        List<WebElement> users = driver.findElements(By.cssSelector("#table-device-users tbody tr"));
        assertEquals(1, users.size());
        assertTrue(text(users.get(0)).startsWith(user));
    }

    @Test
    void theExportDownloadsTheFilteredCsv() throws Exception {
        seed();
        signIn(auditorName(), "auditor");
        driver.findElement(By.id("tab-events")).click();
        driver.findElement(By.id("f-user")).sendKeys(user);
        new Select(driver.findElement(By.id("f-outcome"))).selectByVisibleText("REFUSED");
        driver.findElement(By.id("export")).click();

        Path file = wait.until(d -> completedDownload().orElse(null));
        assertTrue(file.getFileName().toString().matches("tether-audit-\\d{8}T\\d{6}Z\\.csv"), file.toString());
        String auditor = http.token(auditorName(), "auditor");
        HttpResponse<byte[]> viaApi = asAuditor.export(auditor, "user=" + Http.enc(user) + "&outcome=REFUSED");
        assertArrayEquals(viaApi.body(), Files.readAllBytes(file), "the page's download is the API's export");
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), "the header and the three refusals");
        assertTrue(lines.subList(1, 4).stream().allMatch(l -> l.contains("REFUSED") && l.contains(user)));
    }

    private Optional<Path> completedDownload() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void expressPlayHealthAndTheLedgerAreShown() {
        seed();
        signIn(auditorName(), "auditor");
        driver.findElement(By.id("tab-expressplay")).click();
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#table-stats tr[data-endpoint='TOKEN']")));
        WebElement tokenRow = driver.findElement(By.cssSelector("#table-stats tr[data-endpoint='TOKEN']"));
        assertTrue(text(tokenRow).contains("CLOSED"), text(tokenRow));

        driver.findElement(By.id("tab-ledger")).click();
        driver.findElement(By.id("verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ledger-state"), "Intact"));
        assertEquals("true", driver.findElement(By.id("ledger-state")).getAttribute("data-intact"));
    }

    @Test
    void aSubscriberSeesNoAuditData() {
        seed();
        signIn(newUser("sub"), "subscriber");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-access")));
        assertTrue(text(driver.findElement(By.id("no-access-text"))).contains("403"));
        assertFalse(driver.findElement(By.id("tabs")).isDisplayed());
        assertFalse(driver.findElement(By.id("overview")).isDisplayed());
        assertEquals(
                0, driver.findElements(By.cssSelector("#table-events tbody tr")).size());
        assertEquals(
                0,
                driver.findElements(By.cssSelector("#table-by-type tbody tr")).size());
        assertFalse(driver.getPageSource().contains(user), "no seeded user's id on the page");

        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        assertTrue(text(driver.findElement(By.id("status"))).contains("Signed out"));
    }
}
