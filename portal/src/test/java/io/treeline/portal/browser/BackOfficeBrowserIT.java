package io.treeline.portal.browser;

import java.io.IOException;

import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;
import io.treeline.portal.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user's first minutes in a real browser: sign in, find a partner of the demo
 * company, open the partner's card, and run a query in the GraphQL explorer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackOfficeBrowserIT extends BrowserSupport {

	@Autowired
	Partners partners;

	@Test
	void signsInOpensADemoPartnersCardAndFindsPartnersBySearch() throws IOException {
		Partner partner = this.partners.find(PartnerNumber.of("P-0000002")).orElseThrow();
		String founder = this.partners.find(PartnerNumber.of("P-0000001")).orElseThrow().name();
		signIn();
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-user"), TestAccounts.ADMIN));
		this.wait.until(ExpectedConditions.elementToBeClickable(nameCell(partner.name()))).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("partner-card"),
				"Sponsor: " + founder + " (P-0000001)"));
		assertThat(this.browser.findElement(By.id("partner-card")).getText()).contains(partner.number().value(),
				"Eigenumsatz nach Monat", "€");
		HeadlessChromium.screenshot(this.browser, "back-office-partners");

		this.browser.findElement(By.cssSelector("#partner-search input"))
			.sendKeys(partner.lastName() + " " + partner.number().value());
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(nameCell(founder)));
		assertThat(this.browser.findElements(nameCell(partner.name()))).isNotEmpty();
	}

	@Test
	void runsAQueryInTheGraphQlExplorerWithoutInternetAccess() throws IOException {
		signIn();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
		this.browser.get(url("/graphiql"));
		WebElement run = this.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button")));
		run.click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-window"),
				"\"totalCount\": 300"));
		HeadlessChromium.screenshot(this.browser, "graphiql");
	}

	@Test
	void refusesAWrongPassword() {
		this.browser.get(url("/"));
		enterCredentials(TestAccounts.ADMIN, "not-the-password");
		this.wait.until(ExpectedConditions.urlContains("error"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-login-form")));
		assertThat(this.browser.findElements(By.id("signed-in-user"))).isEmpty();
	}

	private static By nameCell(String name) {
		return By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + name + "']");
	}

	private void signIn() {
		this.browser.get(url("/"));
		enterCredentials(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
	}

	private void enterCredentials(String user, String password) {
		LoginPage.signIn(this.browser, this.wait, user, password);
	}

}
