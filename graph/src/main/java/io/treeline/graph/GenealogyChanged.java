package io.treeline.graph;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The genealogy changed: partners or tree edges were added or ended. Published inside the
 * Neo4j transaction that made the change, where the genealogy clock in Neo4j counts it
 * and records which partners it touched, so that every application node notices the
 * change and reads only those partners again (ADR 15, ADR 21); listeners that cache trees
 * react after commit. Code that changes the genealogy must publish it in the writing
 * transaction, naming every partner whose node or whose own edges (as the child) it
 * changed.
 *
 * @param changed numbers of partners whose status or edges as the child changed
 * @param added numbers of partners created by the change (also in {@code changed})
 * @param everything whether the change touched too much to name (a bulk import): caches
 * read everything again
 */
public record GenealogyChanged(Set<String> changed, Set<String> added, boolean everything) {

	public GenealogyChanged {
		changed = Set.copyOf(changed);
		added = Set.copyOf(added);
		if (!changed.containsAll(added)) {
			throw new IllegalArgumentException("Added partners are changed partners too");
		}
	}

	/**
	 * A change of existing partners.
	 * @param partners the partners whose status or edges as the child changed
	 * @return the change
	 */
	public static GenealogyChanged of(Collection<PartnerNumber> partners) {
		Set<String> numbers = new TreeSet<>();
		partners.forEach((partner) -> numbers.add(partner.value()));
		return new GenealogyChanged(numbers, Set.of(), false);
	}

	/**
	 * A new partner, with its edges.
	 * @param partner the partner
	 * @return the change
	 */
	public static GenealogyChanged added(PartnerNumber partner) {
		return new GenealogyChanged(Set.of(partner.value()), Set.of(partner.value()), false);
	}

	/**
	 * A change that names no partners: every cache reads the whole genealogy again.
	 * @return the change
	 */
	public static GenealogyChanged all() {
		return new GenealogyChanged(Set.of(), Set.of(), true);
	}

}
