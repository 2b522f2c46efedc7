package io.treeline.portal.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The log-in page of the back office.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Anmelden | Treeline")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

	private final LoginForm form = new LoginForm(germanTexts());

	LoginView() {
		setSizeFull();
		setAlignItems(FlexComponent.Alignment.CENTER);
		setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
		this.form.setAction("login");
		this.form.setForgotPasswordButtonVisible(false);
		add(new H1("Treeline"), this.form);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
	}

	private static LoginI18n germanTexts() {
		LoginI18n texts = LoginI18n.createDefault();
		texts.getForm().setTitle("Anmelden");
		texts.getForm().setUsername("Benutzername");
		texts.getForm().setPassword("Passwort");
		texts.getForm().setSubmit("Anmelden");
		texts.getErrorMessage().setTitle("Anmeldung fehlgeschlagen");
		texts.getErrorMessage().setMessage("Benutzername oder Passwort ist falsch.");
		return texts;
	}

}
