package io.treeline.portal.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Vaadin log-in form, as a user fills it in.
 */
final class LoginPage {

	private LoginPage() {
	}

	static void signIn(ChromeDriver browser, WebDriverWait wait, String user, String password) {
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")))
			.sendKeys(user);
		WebElement passwordField = browser.findElement(By.cssSelector("#vaadinLoginPassword input"));
		passwordField.sendKeys(password, Keys.ENTER);
	}

}
