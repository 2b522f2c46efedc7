package io.treeline.graph;

import java.util.List;

/**
 * A page of a downline.
 *
 * @param entries the partners of the page in tree order
 * @param totalCount how many partners the level range holds in all
 * @param hasNextPage whether more partners follow the page
 */
public record DownlinePage(List<Entry> entries, int totalCount, boolean hasNextPage) {

	public DownlinePage {
		entries = List.copyOf(entries);
	}

	/**
	 * A partner of the downline and its position, from which the next page starts.
	 *
	 * @param relative the partner with its level below the top
	 * @param parent the partner's parent in the tree
	 * @param position the partner's position in the tree order of the snapshot
	 */
	public record Entry(Relative relative, PartnerNumber parent, int position) {
	}

}
