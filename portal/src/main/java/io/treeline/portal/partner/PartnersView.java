package io.treeline.portal.partner;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.treeline.compensation.CompanySettings;
import io.treeline.compensation.Volumes;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerQuery;
import io.treeline.graph.Partners;
import io.treeline.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/**
 * The back office's list of partners: search, a lazily loaded grid of any size, and the
 * selected partner's card.
 */
@Route("")
@PageTitle("Vertriebspartner | Treeline")
@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
public class PartnersView extends VerticalLayout {

	private final Partners partners;

	private final TextField search = new TextField();

	private final Grid<Partner> grid = new Grid<>(Partner.class, false);

	private final PartnerCard card;

	PartnersView(Partners partners, Volumes volumes, CompanySettings company) {
		this.partners = partners;
		this.card = new PartnerCard(partners, volumes, company.timeZone());
		setSizeFull();
		add(header(), content());
		configureGrid(company.timeZone());
		configureSearch();
	}

	private HorizontalLayout header() {
		H2 title = new H2("Vertriebspartner");
		HorizontalLayout header = new HorizontalLayout(title, this.search);
		header.setWidthFull();
		header.setAlignItems(Alignment.BASELINE);
		header.expand(title);
		return header;
	}

	private SplitLayout content() {
		SplitLayout split = new SplitLayout(this.grid, this.card);
		split.setSizeFull();
		split.setSplitterPosition(65);
		return split;
	}

	private void configureSearch() {
		this.search.setId("partner-search");
		this.search.setPlaceholder("Name, Nummer, E-Mail oder Ort");
		this.search.setPrefixComponent(VaadinIcon.SEARCH.create());
		this.search.setClearButtonVisible(true);
		this.search.setWidth("24em");
		this.search.setValueChangeMode(ValueChangeMode.LAZY);
		this.search.addValueChangeListener((change) -> this.grid.getDataProvider().refreshAll());
	}

	private void configureGrid(ZoneId zone) {
		DateTimeFormatter date = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(zone);
		this.grid.setId("partner-grid");
		this.grid.setSizeFull();
		this.grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
		this.grid.addColumn((p) -> p.number().value()).setHeader("Nummer").setAutoWidth(true).setFlexGrow(0);
		this.grid.addColumn(Partner::name).setHeader("Name").setFlexGrow(1);
		this.grid.addColumn(Partner::city).setHeader("Ort").setAutoWidth(true);
		this.grid.addColumn(Partner::country).setHeader("Land").setAutoWidth(true).setFlexGrow(0);
		this.grid.addColumn((p) -> PartnerStatusText.of(p.status())).setHeader("Status").setAutoWidth(true);
		this.grid.addColumn((p) -> date.format(p.joinedAt())).setHeader("Eintritt").setAutoWidth(true).setFlexGrow(0);
		this.grid.setItems((query) -> page(query.getOffset(), query.getLimit()).stream(),
				(query) -> (int) Math.min(Integer.MAX_VALUE, this.partners.count(this.search.getValue())));
		this.grid.asSingleSelect().addValueChangeListener((selection) -> this.card.show(selection.getValue()));
	}

	private List<Partner> page(int offset, int limit) {
		return this.partners
			.find(new PartnerQuery(this.search.getValue(), null, offset, Math.min(limit, PartnerQuery.MAX_LIMIT)));
	}

}
