package io.treeline.portal.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, headless, named explicitly (Selenium Manager cannot
 * download drivers here). Where they are not installed, browser tests are skipped, unless
 * {@code TREELINE_REQUIRE_BROWSER=true} (as in CI) makes their absence a failure.
 */
final class HeadlessChromium {

	private static final String CHROMIUM = env("TREELINE_CHROMIUM", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = env("TREELINE_CHROMEDRIVER", "/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	static ChromeDriver start() throws IOException {
		boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		if (!installed && Boolean.parseBoolean(env("TREELINE_REQUIRE_BROWSER", "false"))) {
			throw new IllegalStateException(
					"Chromium and ChromeDriver are required but missing at " + CHROMIUM + " and " + CHROMEDRIVER);
		}
		Assumptions.assumeTrue(installed, "Chromium and ChromeDriver are not installed (apt-get install chromium "
				+ "chromium-driver); browser tests are skipped");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1440,900", "--lang=de-DE",
				"--user-data-dir=" + Files.createTempDirectory("treeline-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return driver;
	}

	static void screenshot(ChromeDriver driver, String name) throws IOException {
		Path folder = Files.createDirectories(Path.of("target/screenshots"));
		Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
