package io.treeline.graph;

/**
 * Loads an organisation into the genealogy: partners first, then sponsor and placement
 * edges, committed in chunks so that millions of partners load without holding them in
 * one transaction. Loading is idempotent: partners and edges that already exist (same
 * number; same partners and start of validity) are left unchanged, so loading the same
 * organisation twice changes nothing, and a load interrupted by a failure is completed by
 * loading it again. Check an organisation completely before loading it (as the CSV import
 * does): the loader does not validate the tree.
 */
public interface OrganisationLoader {

	/**
	 * Loads the organisation.
	 * @param organisation partners and edges
	 */
	void load(Organisation organisation);

	/**
	 * Adds an organisation none of whose partners and edges the genealogy holds: creates
	 * them without looking for existing ones, which is much faster than {@link #load}.
	 * The caller must have checked that against the genealogy, as the CSV import does; a
	 * partner number that exists fails the load (uniqueness constraint), and so does an
	 * edge whose partner is missing. Committed in chunks like {@link #load}: after a
	 * failure, check again what is stored and add the rest.
	 * @param organisation new partners and new edges
	 */
	void add(Organisation organisation);

}
