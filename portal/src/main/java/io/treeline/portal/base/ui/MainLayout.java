package io.treeline.portal.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.treeline.portal.genealogy.DownlineView;
import io.treeline.portal.organisation.OrganisationImportView;
import io.treeline.portal.partner.PartnersView;
import io.treeline.portal.security.Roles;
import jakarta.annotation.security.PermitAll;

/**
 * The frame of every back-office page: title bar with the signed-in user and log-out, and
 * the navigation drawer.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

	MainLayout(AuthenticationContext authentication) {
		addToNavbar(new DrawerToggle(), title(), user(authentication));
		addToDrawer(navigation(authentication));
		setPrimarySection(Section.DRAWER);
	}

	private static H1 title() {
		H1 title = new H1("Treeline");
		title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE, LumoUtility.Flex.GROW);
		return title;
	}

	private static HorizontalLayout user(AuthenticationContext authentication) {
		Span name = new Span(authentication.getPrincipalName().orElse(""));
		name.setId("signed-in-user");
		Button logout = new Button("Abmelden", VaadinIcon.SIGN_OUT.create(), (click) -> authentication.logout());
		logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		HorizontalLayout user = new HorizontalLayout(name, logout);
		user.setAlignItems(FlexComponent.Alignment.CENTER);
		user.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);
		return user;
	}

	private static SideNav navigation(AuthenticationContext authentication) {
		SideNav nav = new SideNav();
		nav.addItem(new SideNavItem("Vertriebspartner", PartnersView.class, VaadinIcon.USERS.create()));
		nav.addItem(new SideNavItem("Downline", DownlineView.class, VaadinIcon.SITEMAP.create()));
		if (authentication.hasRole(Roles.ADMIN)) {
			nav.addItem(new SideNavItem("Organisation importieren", OrganisationImportView.class,
					VaadinIcon.UPLOAD.create()));
		}
		SideNavItem graphiql = new SideNavItem("GraphQL-Explorer", "graphiql", VaadinIcon.CODE.create());
		// a page of its own, not a Vaadin route
		graphiql.setRouterIgnore(true);
		nav.addItem(graphiql);
		return nav;
	}

}
