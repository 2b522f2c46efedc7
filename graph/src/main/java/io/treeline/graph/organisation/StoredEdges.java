package io.treeline.graph.organisation;

import java.util.Collection;
import java.util.List;

import io.treeline.graph.organisation.TreeSweep.Edge;

/**
 * The edges one tree already has in the genealogy, over their whole history, as an import
 * needs them for its checks. Every edge returned is {@link Edge#stored() stored}.
 */
interface StoredEdges {

	/**
	 * Returns the edges of the given partners.
	 * @param children partners whose edges to the parent are wanted
	 * @return their edges
	 */
	List<Edge> of(Collection<String> children);

	/**
	 * Returns the edges below the given parents where the tree limits them (free binary
	 * positions, matrix widths); none in the sponsor tree, which has no such limits.
	 * @param parents the parents
	 * @return the edges of their children
	 */
	List<Edge> under(Collection<String> parents);

	/**
	 * Returns every edge of the tree.
	 * @return the whole history
	 */
	List<Edge> all();

}
