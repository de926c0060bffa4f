package dev.larder.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's dashboard page (src/main/resources/static) in a real headless Chromium:
 * live hit ratios from {@code /actuator/larder}, the leaderboard, and the rate-limited
 * button answering 429 with its {@code Retry-After}. Chromium and its driver come from
 * Debian's packages ({@code run-tests.sh} installs them).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "catalog.repository-delay=0ms", "larder.embedded.port=0", "sample.quotes.period=1h",
				"sample.leaderboard.trim-every=1h", "sample.leaderboard.keep=100" })
class DashboardPageBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static WebDriver browser;

	@LocalServerPort
	private int port;

	private WebDriverWait wait;

	@BeforeAll
	static void startBrowser() {
		assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
			.as("Chromium and its driver: apt-get install chromium chromium-driver (./run-tests.sh installs them)")
			.isTrue();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void openThePage() {
		browser.get("http://localhost:" + this.port + "/");
		this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		this.wait.until(ExpectedConditions.textToBe(By.id("backend"), "embedded"));
	}

	@Test
	void theHitRatioOfACacheFollowsTheReadsMadeFromThePage() {
		readProduct(1, "Darjeeling");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(cacheRow("products"), "0.0 %"));
		readProduct(1, "Darjeeling");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(cacheRow("products"), "50.0 %"));
		readProduct(1, "Darjeeling");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(cacheRow("products"), "66.7 %"));
	}

	@Test
	void aScoreAddedFromThePageAppearsOnTheLeaderboard() {
		browser.findElement(By.id("player")).sendKeys("ana-in-a-browser");
		browser.findElement(By.id("score")).sendKeys("4242");
		browser.findElement(By.id("submit-score")).click();
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("leaderboard"), "ana-in-a-browser: 4242"));
	}

	@Test
	void theSixthQuoteIsRefusedWith429AndItsRetryAfter() {
		WebElement button = browser.findElement(By.id("quote-button"));
		WebElement result = browser.findElement(By.id("quote-result"));
		for (int i = 1; i <= 5; i++) {
			button.click();
			this.wait.until(ExpectedConditions.textToBePresentInElement(result, "#" + i + " "));
			assertThat(result.getText()).doesNotContain("429");
		}
		button.click();
		this.wait.until(ExpectedConditions.textToBePresentInElement(result, "#6 "));
		assertThat(result.getText()).matches("#6 429 Too Many Requests: retry after [1-9][0-9]* s");
		assertThat(result.getAttribute("class")).contains("limited");
	}

	private void readProduct(int id, String name) {
		WebElement result = browser.findElement(By.id("product-result"));
		// Blank the result first, so that the read shows even when its text is the last
		// read's: two hits from the near cache can take the same number of milliseconds.
		((JavascriptExecutor) browser).executeScript("arguments[0].textContent = ''", result);
		browser.findElement(By.id("product-" + id)).click();
		this.wait.until((driver) -> result.getText().contains(name));
	}

	private static By cacheRow(String cache) {
		return By.cssSelector("#caches tr[data-cache='" + cache + "']");
	}

}
