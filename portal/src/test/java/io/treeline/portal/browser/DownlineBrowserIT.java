package io.treeline.portal.browser;

import java.io.IOException;

import java.util.List;

import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;
import io.treeline.portal.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downline explorer in a real browser: open it on the founder of the demo company,
 * expand a leg, and go back in time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DownlineBrowserIT extends BrowserSupport {

	@Autowired
	Partners partners;

	@Test
	void expandsALegAndShowsTheTreeAsOfAnEarlierDay() throws IOException {
		String founder = name("P-0000001");
		String second = name("P-0000002");
		String third = name("P-0000003");
		this.browser.get(url("/downline?partner=P-0000001"));
		LoginPage.signIn(this.browser, this.wait, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(cell(founder)));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(cell(second)));
		WebElement secondsToggle = this.browser.findElement(
				By.xpath("//vaadin-grid-tree-toggle[not(@leaf)][contains(normalize-space(.), '" + second + "')]"));
		secondsToggle.click();
		this.wait.until(ExpectedConditions.attributeToBeNotEmpty(secondsToggle, "expanded"));
		this.wait.until((driver) -> toggles().stream()
			.anyMatch((toggle) -> String.valueOf(toggle.getAttribute("style")).contains("--_level: 2")));
		this.wait.until((driver) -> Long.valueOf(3)
			.compareTo((Long) this.browser.executeScript(
					"const cy = document.getElementById('neighbourhood-graph').__cy; return cy ? cy.nodes().length : 0;")) <= 0);
		HeadlessChromium.screenshot(this.browser, "downline-explorer");

		WebElement date = this.browser.findElement(By.cssSelector("#downline-as-of input"));
		date.sendKeys(Keys.chord(Keys.CONTROL, "a"), "19.01.2024", Keys.ENTER);
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(cell(third)));
		assertThat(this.browser.findElements(cell(second))).isNotEmpty();
		assertThat(this.browser.findElements(cell(third))).noneMatch(WebElement::isDisplayed);
	}

	private List<WebElement> toggles() {
		return this.browser.findElements(By.cssSelector("#downline-grid vaadin-grid-tree-toggle"));
	}

	private String name(String number) {
		return this.partners.find(PartnerNumber.of(number)).orElseThrow().name();
	}

	private static By cell(String text) {
		return By.xpath("//vaadin-grid-cell-content[contains(normalize-space(.), '" + text + "')]");
	}

}
