package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.http.AgentServer;
import dev.keel.agent.http.AgentStatus;
import dev.keel.backup.Backups;
import dev.keel.backup.base.BackupResult;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.insight.Insight;
import dev.keel.testing.Prerequisites;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: headless Chromium, driven by Selenium, under the agent's real CSP. The overview
 * shows a provoked critical finding with its runbook (and is saved as docs/images/keel-up-overview.png for the
 * README), the statements chart draws the points of real snapshots, the backups page shows a real backup. Skipped where
 * Debian's chromium and chromium-driver are not installed (.ci/run installs them).
 */
@WithPostgres
class DashboardBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestCluster cluster;

    DashboardBrowserIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void overviewStatementsChartAndBackupsInHeadlessChromium(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = Executables.onPath("chromium", "chromium-browser");
        Optional<Path> driver = Executables.onPath("chromedriver");
        Prerequisites.require(
                chromium.isPresent() && driver.isPresent(),
                "KEEL_TEST_REQUIRE_BROWSER",
                "chromium and chromedriver are not installed");

        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric)");
        cluster.execute(db, "INSERT INTO orders SELECT g, g FROM generate_series(1, 1000) g");
        Path repo = dir.resolve("repo");
        TestProject.in(dir).config("backup:\n  repository: file://" + repo + "\n  rpo: 1h\n  rto: 30min\n");
        KeelYaml config = ConfigLoader.load(dir, null, Map.of());
        ConnectionSource connections = TestConnections.of(cluster, db);
        Backups backups = Backups.configure()
                .config(config)
                .env(Map.of())
                .url(cluster.jdbcUrl(db), null, null)
                .load();
        backups.init();
        Insight insight = Insight.configure()
                .config(config)
                .env(Map.of())
                .connections(connections)
                .load();
        insight.snapshot();
        lookUp(db, 40);
        insight.snapshot();
        lookUp(db, 60);
        insight.snapshot();
        // What the leader's doctor job keeps for the overview; its slowest-statements check stores a snapshot too.
        KeptReports.keep(cluster, db, insight.doctor(), Instant.now());
        Dashboard dashboard = Dashboard.of(
                config,
                connections,
                () -> backups,
                () -> new AgentStatus("leader", "up", List.of(), List.of()),
                Clock.systemUTC());

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.get().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400");
        WebDriver browser = new ChromeDriver(service, options);
        try (AgentServer server = Fetch.serve(dashboard.withPages(Map.of()))) {
            String base = "http://" + server.address();
            WebDriverWait wait = new WebDriverWait(browser, WAIT);

            browser.get(base + "/");
            WebElement principal = wait.until(b -> b.findElement(By.cssSelector(".principal")));
            assertThat(principal.getText()).contains("CRITICAL", "holds no complete backup");
            WebElement runbook = browser.findElement(By.cssSelector(".finding.critical details.runbook"));
            runbook.findElement(By.tagName("summary")).click();
            assertThat(runbook.getText()).contains("How to fix");
            // The README's screenshot is replaced only when asked, like the generated docs pages; a test run
            // leaves the working tree as it found it.
            screenshot(
                    browser,
                    Boolean.getBoolean("keel.docs.update")
                            ? Path.of(System.getProperty("user.dir"), "..", "docs", "images", "keel-up-overview.png")
                            : dir.resolve("keel-up-overview.png"));

            browser.get(base + "/statements?window=1h&by=calls");
            WebElement chart = wait.until(b -> {
                WebElement box = b.findElement(By.cssSelector("div.chart"));
                return box.getDomAttribute("data-points") != null ? box : null;
            });
            // The doctor run above stored a snapshot too (its slowest-statements check ranks as keel top does).
            assertThat(chart.getDomAttribute("data-points"))
                    .as("one point per snapshot")
                    .isEqualTo(cluster.queryString(db, "SELECT count(*) FROM keel.stat_snapshot"))
                    .isNotEqualTo("0");
            assertThat(chart.findElements(By.cssSelector(".uplot canvas"))).isNotEmpty();
            assertThat(chart.getText()).contains("FROM orders WHERE id = $1");

            BackupResult backup = backups.backup();
            browser.get(base + "/backups");
            assertThat(wait.until(b -> b.findElement(By.cssSelector("table.backups")))
                            .getText())
                    .contains(backup.id(), "full");
        } finally {
            browser.quit();
        }
    }

    private void lookUp(String db, int times) throws Exception {
        try (Connection c = cluster.connect(db);
                Statement s = c.createStatement()) {
            for (int i = 0; i < times; i++) {
                s.executeQuery("SELECT * FROM orders WHERE id = " + (i + 1)).close();
            }
        }
    }

    private static void screenshot(WebDriver browser, Path target) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(target.getParent());
        Files.copy(shot, target.normalize(), StandardCopyOption.REPLACE_EXISTING);
    }
}
