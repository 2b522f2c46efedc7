package io.treeline.portal.partner;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import io.treeline.compensation.MonthlyVolume;
import io.treeline.compensation.Volumes;
import io.treeline.graph.Partner;
import io.treeline.graph.Partners;
import io.treeline.portal.genealogy.DownlineView;

/**
 * What staff see of one partner: contact data and status from the genealogy, the sponsor
 * as of now, and the personal volume per month from the compensation side.
 */
class PartnerCard extends VerticalLayout {

	private final Partners partners;

	private final Volumes volumes;

	private final DateTimeFormatter date;

	PartnerCard(Partners partners, Volumes volumes, ZoneId zone) {
		this.partners = partners;
		this.volumes = volumes;
		this.date = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(zone);
		setId("partner-card");
		setWidthFull();
		show(null);
	}

	void show(Partner partner) {
		removeAll();
		if (partner == null) {
			add(new Paragraph("Wählen Sie einen Vertriebspartner aus der Liste."));
			return;
		}
		add(new H3(partner.name()), line("Nummer", partner.number().value()),
				line("Status", PartnerStatusText.of(partner.status())), line("E-Mail", partner.email()),
				line("Ort", partner.city() + " (" + partner.country() + ")"),
				line("Eintritt", this.date.format(partner.joinedAt())), line("Sponsor", sponsorOf(partner)),
				downlineLink(partner), new H4("Eigenumsatz nach Monat"), volumeGrid(partner));
	}

	private static RouterLink downlineLink(Partner partner) {
		RouterLink link = new RouterLink("Downline anzeigen", DownlineView.class);
		link.setQueryParameters(QueryParameters.of("partner", partner.number().value()));
		link.setId("downline-link");
		return link;
	}

	private String sponsorOf(Partner partner) {
		Partner sponsor = this.partners.sponsorsOf(List.of(partner.number()), Instant.now()).get(partner.number());
		return (sponsor != null) ? sponsor.name() + " (" + sponsor.number() + ")" : "keiner (Wurzel der Organisation)";
	}

	private Grid<MonthlyVolume> volumeGrid(Partner partner) {
		Grid<MonthlyVolume> grid = new Grid<>(MonthlyVolume.class, false);
		grid.setId("volume-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT);
		grid.addColumn((v) -> v.month().toString()).setHeader("Monat");
		NumberFormat points = NumberFormat.getNumberInstance(Locale.GERMANY);
		NumberFormat euros = NumberFormat.getCurrencyInstance(Locale.GERMANY);
		grid.addColumn((v) -> points.format(v.pv())).setHeader("PV").setTextAlign(ColumnTextAlign.END);
		grid.addColumn((v) -> euros.format(v.bv())).setHeader("BV").setTextAlign(ColumnTextAlign.END);
		grid.setItems(this.volumes.personalByMonth(List.of(partner.number())).get(partner.number()));
		grid.setAllRowsVisible(true);
		return grid;
	}

	private static Span line(String label, String value) {
		Span line = new Span(label + ": " + ((value != null) ? value : "–"));
		line.getElement().setAttribute("data-field", label);
		return line;
	}

}
