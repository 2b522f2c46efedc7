package io.treeline.portal.genealogy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.treeline.compensation.CompanySettings;
import io.treeline.graph.Genealogy;
import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.Leg;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;
import io.treeline.graph.Tree;
import io.treeline.portal.partner.PartnerStatusText;
import io.treeline.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import tools.jackson.databind.json.JsonMapper;

/**
 * The downline explorer: the tree below a focused partner as of a chosen day, loaded
 * level by level as staff expand it; the path above the focused partner to move up; and
 * "focus" on any row to move down, so that legs of any depth are navigated without
 * expanding every level.
 */
@Route("downline")
@PageTitle("Downline | Treeline")
@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
public class DownlineView extends VerticalLayout implements BeforeEnterObserver {

	static final String SPONSOR_TREE = "Sponsorbaum";

	private final Genealogy genealogy;

	private final Partners partners;

	private final ZoneId zone;

	private final TextField partner = new TextField("Partnernummer");

	private final DatePicker asOf = new DatePicker("Stand (Tagesende)");

	private final Select<String> tree = new Select<>();

	private final HorizontalLayout breadcrumb = new HorizontalLayout();

	private final TreeGrid<DownlineNode> grid = new TreeGrid<>();

	private final Paragraph message = new Paragraph();

	private final NeighbourhoodGraph graph;

	DownlineView(Genealogy genealogy, Partners partners, CompanySettings company, JsonMapper json) {
		this.genealogy = genealogy;
		this.partners = partners;
		this.zone = company.timeZone();
		this.graph = new NeighbourhoodGraph(json);
		setSizeFull();
		add(new H2("Downline"), controls(), this.breadcrumb, this.message, content());
		configureGrid();
	}

	private SplitLayout content() {
		SplitLayout split = new SplitLayout(this.grid, this.graph);
		split.setSizeFull();
		split.setSplitterPosition(60);
		return split;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		QueryParameters parameters = event.getLocation().getQueryParameters();
		this.partner.setValue(parameters.getSingleParameter("partner").orElse("P-0000001"));
		parameters.getSingleParameter("asOf").map(LocalDate::parse).ifPresent(this.asOf::setValue);
		parameters.getSingleParameter("tree").ifPresent(this.tree::setValue);
		show();
	}

	private HorizontalLayout controls() {
		this.partner.setId("downline-partner");
		this.asOf.setId("downline-as-of");
		this.asOf.setLocale(Locale.GERMANY);
		this.asOf.setValue(LocalDate.now(this.zone));
		this.tree.setId("downline-tree");
		this.tree.setLabel("Baum");
		List<String> trees = new ArrayList<>(List.of(SPONSOR_TREE));
		trees.addAll(this.genealogy.placementPlans());
		this.tree.setItems(trees);
		this.tree.setValue(SPONSOR_TREE);
		Button show = new Button("Anzeigen", (click) -> show());
		show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.asOf.addValueChangeListener((change) -> show());
		this.tree.addValueChangeListener((change) -> show());
		HorizontalLayout controls = new HorizontalLayout(this.partner, this.asOf, this.tree, show);
		controls.setAlignItems(FlexComponent.Alignment.BASELINE);
		return controls;
	}

	private void configureGrid() {
		this.grid.setId("downline-grid");
		this.grid.setSizeFull();
		this.grid.addHierarchyColumn(DownlineNode::name)
			.setHeader("Name")
			.setSortable(false)
			.setFlexGrow(3)
			.setWidth("22em");
		this.grid.addColumn((node) -> node.number().value()).setHeader("Nummer").setAutoWidth(true);
		this.grid.addColumn(DownlineNode::level).setHeader("Ebene").setAutoWidth(true);
		this.grid.addColumn((node) -> (node.side() != null) ? sideText(node.side()) : "").setHeader("Seite");
		this.grid.addColumn(DownlineNode::teamSize).setHeader("Team").setAutoWidth(true);
		this.grid.addColumn((node) -> (node.status() != null) ? PartnerStatusText.of(node.status()) : "")
			.setHeader("Status");
		this.grid.addComponentColumn((node) -> {
			Button focus = new Button("Fokus", (click) -> navigateTo(node.number()));
			focus.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
			return focus;
		}).setHeader("").setAutoWidth(true);
	}

	private void show() {
		String number = this.partner.getValue().strip();
		Instant instant = endOf(this.asOf.getValue());
		GenealogySnapshot snapshot = this.genealogy.snapshot(selectedTree(), instant);
		OptionalInt id;
		try {
			id = snapshot.id(PartnerNumber.of(number));
		}
		catch (IllegalArgumentException malformed) {
			id = OptionalInt.empty();
		}
		if (id.isEmpty()) {
			this.message.setText("Kein Vertriebspartner mit der Nummer „" + number + "“.");
			this.grid.setItems(List.of(), (node) -> List.of());
			this.breadcrumb.removeAll();
			return;
		}
		this.message.setText("");
		DownlineDataProvider rows = new DownlineDataProvider(this.partners, snapshot, id.getAsInt());
		this.grid.setDataProvider(rows);
		this.grid.expand(rows.focused());
		this.graph.show(snapshot, id.getAsInt(), this.partners);
		showBreadcrumb(rows.breadcrumb(4));
	}

	private void showBreadcrumb(List<DownlineNode> path) {
		this.breadcrumb.removeAll();
		this.breadcrumb.setId("downline-upline");
		this.breadcrumb.setAlignItems(FlexComponent.Alignment.BASELINE);
		this.breadcrumb.add(new Span(path.isEmpty() ? "Oberste Ebene der Organisation" : "Upline:"));
		for (DownlineNode node : path) {
			if (node == null) {
				this.breadcrumb.add(new Span("…"));
				continue;
			}
			Button up = new Button(node.name() + " (" + node.number() + ")", (click) -> navigateTo(node.number()));
			up.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
			this.breadcrumb.add(up, new Span("›"));
		}
	}

	private void navigateTo(PartnerNumber number) {
		getUI().ifPresent((ui) -> ui.navigate(DownlineView.class, QueryParameters.simple(Map.of("partner",
				number.value(), "asOf", this.asOf.getValue().toString(), "tree", this.tree.getValue()))));
	}

	private Tree selectedTree() {
		String selected = this.tree.getValue();
		return (selected == null || SPONSOR_TREE.equals(selected)) ? Tree.SPONSOR : Tree.placement(selected);
	}

	private Instant endOf(LocalDate day) {
		LocalDate date = (day != null) ? day : LocalDate.now(this.zone);
		return date.plusDays(1).atStartOfDay(this.zone).toInstant().minusNanos(1);
	}

	private static String sideText(Leg side) {
		return (side == Leg.LEFT) ? "links" : "rechts";
	}

}
