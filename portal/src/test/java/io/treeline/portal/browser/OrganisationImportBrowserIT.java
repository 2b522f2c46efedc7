package io.treeline.portal.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;
import io.treeline.portal.TestAccounts;
import io.treeline.portal.security.Roles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation import of the back office in a real browser: upload the CSV files,
 * import them, and read the problems of a refused set with their lines. The import adds
 * partners to the demo company, so the application is not shared with later tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OrganisationImportBrowserIT extends BrowserSupport {

	private static final int MANY = 20_000;

	private static final String STAFF = "staff-only";

	private static final String STAFF_PASSWORD = "staff-secret";

	@Autowired
	Partners partners;

	@Autowired
	JdbcUserDetailsManager accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void importsUploadedFilesAndListsTheProblemsOfARefusedSetWithTheirLines() throws IOException {
		this.browser.get(url("/organisation-import"));
		LoginPage.signIn(this.browser, this.wait, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		StringBuilder partners = new StringBuilder(
				"number,firstName,lastName,email,city,country,language,status,joinedAt\n");
		StringBuilder sponsorships = new StringBuilder("partner,sponsor,validFrom,validTo\n");
		for (int i = 1; i <= MANY; i++) {
			partners.append(String.format("B-%05d,Berta,Browser,,Jena,DE,de,ACTIVE,2030-01-01T00:00:00Z\n", i));
			sponsorships.append(String.format("B-%05d,P-0000001,2030-01-01T00:00:00Z,\n", i));
		}
		// over 1 MB, where a multipart upload through Spring's default limits would fail
		assertThat(partners.length()).isGreaterThan(1_200_000);
		upload("partners", partners.toString());
		upload("sponsorships", sponsorships.toString());
		upload("placements", """
				partner,parent,plan,position,validFrom,validTo
				B-00002,B-00001,binary,LEFT,2030-01-02T00:00:00Z,
				""");
		startImport();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organisation-import-outcome"),
				"Importiert: Partner 20.000, Sponsorbeziehungen 20.000, Platzierungen 1."));
		assertThat(this.partners.find(PartnerNumber.of("B-20000"))).isPresent();

		upload("partners", """
				number,firstName,lastName,email,city,country,language,status,joinedAt
				B-3,Bea,Browser,,Jena,DE,de,ACTIVE,2030-01-03T00:00:00Z
				""");
		upload("sponsorships", """
				partner,sponsor,validFrom,validTo
				B-3,NOBODY,2030-01-03T00:00:00Z,
				""");
		upload("placements", """
				partner,parent,plan,position,validFrom,validTo
				B-3,P-0000001,binary,LEFT,2030-01-03T00:00:00Z,
				""");
		startImport();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organisation-import-outcome"),
				"Nichts importiert: 2 Probleme nach Datei und Zeile:"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(
				cell("no partner has the number NOBODY (neither in the partners file nor in the genealogy)")));
		assertThat(this.browser.findElements(cell("the LEFT position under P-0000001 is taken by"))).isNotEmpty();
		assertThat(this.browser.findElements(cell("Sponsorbeziehungen"))).isNotEmpty();
		HeadlessChromium.screenshot(this.browser, "organisation-import-problems");
		assertThat(this.partners.find(PartnerNumber.of("B-3"))).isEmpty();
	}

	@Test
	void isNotOpenToStaffWithoutTheAdministratorRole() throws IOException {
		if (!this.accounts.userExists(STAFF)) {
			this.accounts.createUser(User.withUsername(STAFF)
				.password(this.passwordEncoder.encode(STAFF_PASSWORD))
				.roles(Roles.STAFF)
				.build());
		}
		this.browser.get(url("/"));
		LoginPage.signIn(this.browser, this.wait, STAFF, STAFF_PASSWORD);
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-user"), STAFF));
		assertThat(this.browser.findElements(By.xpath("//vaadin-side-nav-item[contains(., 'Vertriebspartner')]")))
			.isNotEmpty();
		assertThat(this.browser.findElements(By.xpath("//vaadin-side-nav-item[contains(., 'Organisation')]")))
			.isEmpty();
		this.browser.get(url("/organisation-import"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
				"Could not navigate to 'organisation-import'"));
		HeadlessChromium.screenshot(this.browser, "organisation-import-refused-to-staff");
		assertThat(this.browser.findElements(By.id("upload-partners"))).isEmpty();
		assertThat(this.browser.findElements(By.id("organisation-import-start"))).isEmpty();
	}

	/**
	 * Chooses a file in an upload as a user does, through its file input; the upload
	 * starts at once.
	 */
	private void upload(String file, String content) throws IOException {
		Path csv = Files.createTempFile("treeline-browser-", "-" + file + ".csv");
		Files.writeString(csv, content);
		WebElement upload = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-" + file)));
		WebElement input = (WebElement) this.browser.executeScript(
				"const u = arguments[0]; return (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]')) "
						+ "|| u.querySelector('input[type=file]');",
				upload);
		input.sendKeys(csv.toAbsolutePath().toString());
		this.wait.until((driver) -> Boolean.TRUE.equals(this.browser.executeScript(
				"const files = arguments[0].files; return files.length === 1 && files[0].complete === true;", upload)));
		Files.delete(csv);
	}

	private void startImport() {
		WebElement start = this.browser.findElement(By.id("organisation-import-start"));
		this.wait.until((driver) -> start.getDomAttribute("disabled") == null);
		start.click();
	}

	private static By cell(String text) {
		return By.xpath("//vaadin-grid-cell-content[contains(normalize-space(.), '" + text + "')]");
	}

}
