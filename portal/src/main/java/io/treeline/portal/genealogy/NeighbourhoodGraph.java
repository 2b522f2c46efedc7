package io.treeline.portal.genealogy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.Leg;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;
import tools.jackson.databind.json.JsonMapper;

/**
 * A drawing of a partner's neighbourhood: its parent, the partner and a few levels below,
 * with LEFT and RIGHT on the edges of binary trees. Drawn in the browser by Cytoscape.js
 * from its webjar (no frontend build); the server sends the nodes and edges as JSON.
 */
@JavaScript("context://webjars/cytoscape/3.33.1/dist/cytoscape.min.js")
class NeighbourhoodGraph extends Div {

	static final int LEVELS = 3;

	static final int MAX_NODES = 40;

	private final JsonMapper json;

	NeighbourhoodGraph(JsonMapper json) {
		this.json = json;
		setId("neighbourhood-graph");
		setWidthFull();
		setHeight("100%");
		getStyle().set("min-height", "320px").set("border", "1px solid var(--lumo-contrast-10pct)");
	}

	void show(GenealogySnapshot tree, int focus, Partners partners) {
		List<Integer> ids = new ArrayList<>();
		int parent = tree.parent(focus);
		if (parent != GenealogySnapshot.NONE) {
			ids.add(parent);
		}
		ids.add(focus);
		// whole levels only, as many as stay readable: a binary partner shows three
		// levels,
		// a leader with dozens of direct partners one
		List<Integer> level = List.of(focus);
		for (int depth = 1; depth <= LEVELS; depth++) {
			List<Integer> next = new ArrayList<>();
			for (int id : level) {
				for (int child : tree.children(id)) {
					next.add(child);
				}
			}
			if (next.isEmpty() || (depth > 1 && ids.size() + next.size() > MAX_NODES)) {
				break;
			}
			next.stream().limit(MAX_NODES).forEach(ids::add);
			level = next;
		}
		Map<PartnerNumber, Partner> names = partners.find(ids.stream().map(tree::number).toList());
		List<Map<String, Object>> elements = new ArrayList<>();
		for (int id : ids) {
			Partner partner = names.get(tree.number(id));
			String label = ((partner != null) ? partner.name() + "\n" : "") + tree.number(id).value();
			elements.add(Map.of("data", Map.of("id", tree.number(id).value(), "label", label, "focus", id == focus)));
			if (id != focus && ids.contains(tree.parent(id)) && id != parent) {
				Leg side = tree.side(id);
				elements.add(Map.of("data", Map.of("id", "e" + id, "source", tree.number(tree.parent(id)).value(),
						"target", tree.number(id).value(), "label", (side != null) ? side.name() : "")));
			}
		}
		if (parent != GenealogySnapshot.NONE) {
			Leg side = tree.side(focus);
			elements.add(Map.of("data", Map.of("id", "e" + focus, "source", tree.number(parent).value(), "target",
					tree.number(focus).value(), "label", (side != null) ? side.name() : "")));
		}
		getElement().executeJs("""
				const root = $1;
				const draw = () => {
				  if (this.__cy) { this.__cy.destroy(); }
				  this.__cy = cytoscape({
				    container: this,
				    elements: JSON.parse($0),
				    layout: { name: 'breadthfirst', directed: true, roots: '#' + CSS.escape(root), spacingFactor: 1.1 },
				    style: [
				      { selector: 'node', style: { 'label': 'data(label)', 'text-wrap': 'wrap', 'font-size': 9,
				        'text-valign': 'bottom', 'background-color': '#5b8def', 'width': 18, 'height': 18 } },
				      { selector: 'node[?focus]', style: { 'background-color': '#e8590c', 'width': 26, 'height': 26 } },
				      { selector: 'edge', style: { 'label': 'data(label)', 'font-size': 8, 'curve-style': 'bezier',
				        'target-arrow-shape': 'triangle', 'line-color': '#adb5bd', 'target-arrow-color': '#adb5bd' } }
				    ]
				  });
				};
				requestAnimationFrame(draw);
				""", this.json.writeValueAsString(elements),
				ids.contains(parent) ? tree.number(parent).value() : tree.number(focus).value());
	}

}
