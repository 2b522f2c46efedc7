package io.treeline.graph;

/**
 * Loads an organisation into the genealogy in one transaction. Loading is idempotent:
 * partners and edges that already exist (same number; same partners and start of
 * validity) are left unchanged, so loading the same organisation twice changes nothing.
 */
public interface OrganisationLoader {

	/**
	 * Loads the organisation.
	 * @param organisation partners and edges
	 */
	void load(Organisation organisation);

}
