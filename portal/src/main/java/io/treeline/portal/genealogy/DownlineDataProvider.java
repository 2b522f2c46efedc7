package io.treeline.portal.genealogy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;

/**
 * Loads the rows of the downline explorer lazily from a genealogy snapshot: only the
 * children of expanded partners, one page at a time, with names read in one batch per
 * page, so a partner with ten thousand direct children opens as fast as one with ten.
 */
class DownlineDataProvider extends AbstractBackEndHierarchicalDataProvider<DownlineNode, Void> {

	private final Partners partners;

	private final GenealogySnapshot snapshot;

	private final int focus;

	DownlineDataProvider(Partners partners, GenealogySnapshot snapshot, int focus) {
		this.partners = partners;
		this.snapshot = snapshot;
		this.focus = focus;
	}

	@Override
	protected Stream<DownlineNode> fetchChildrenFromBackEnd(HierarchicalQuery<DownlineNode, Void> query) {
		int[] ids = query.getParentOptional()
			.map((parent) -> this.snapshot.children(parent.id()))
			.orElse(new int[] { this.focus });
		int from = Math.min(query.getOffset(), ids.length);
		int[] page = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + query.getLimit()));
		Map<PartnerNumber, Partner> found = this.partners
			.find(Arrays.stream(page).mapToObj(this.snapshot::number).toList());
		return Arrays.stream(page).mapToObj((id) -> node(id, found.get(this.snapshot.number(id))));
	}

	@Override
	public int getChildCount(HierarchicalQuery<DownlineNode, Void> query) {
		return query.getParentOptional().map((parent) -> this.snapshot.children(parent.id()).length).orElse(1);
	}

	@Override
	public boolean hasChildren(DownlineNode item) {
		return item.teamSize() > 0;
	}

	@Override
	public Object getId(DownlineNode item) {
		return item.id();
	}

	/**
	 * Returns the path shown above the tree: the root and the nearest partners above the
	 * focused one, top down; a deep upline is shortened in the middle.
	 * @param nearest how many of the nearest partners to show
	 * @return the partners, root first; {@code null} marks the gap of a shortened path
	 */
	List<DownlineNode> breadcrumb(int nearest) {
		int[] upline = this.snapshot.upline(this.focus);
		List<Integer> shown = new ArrayList<>();
		for (int i = upline.length - 1; i >= 0; i--) {
			if (i == upline.length - 1 || i < nearest) {
				shown.add(upline[i]);
			}
			else if (shown.get(shown.size() - 1) != null) {
				shown.add(null);
			}
		}
		Map<PartnerNumber, Partner> found = this.partners
			.find(shown.stream().filter(Objects::nonNull).map(this.snapshot::number).toList());
		return shown.stream().map((id) -> (id != null) ? node(id, found.get(this.snapshot.number(id))) : null).toList();
	}

	DownlineNode focused() {
		return node(this.focus, this.partners.find(this.snapshot.number(this.focus)).orElse(null));
	}

	private DownlineNode node(int id, Partner partner) {
		return new DownlineNode(id, this.snapshot.number(id), (partner != null) ? partner.name() : "?",
				(partner != null) ? partner.status() : null, this.snapshot.side(id),
				this.snapshot.depth(id) - this.snapshot.depth(this.focus), this.snapshot.subtreeSize(id) - 1);
	}

}
