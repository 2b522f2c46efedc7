package io.treeline.graph;

import java.io.Reader;

/**
 * Imports an existing organisation from CSV files (format in
 * {@code docs/import-format.md}): all files are read and checked first, against each
 * other and against the genealogy; if anything is wrong, nothing is imported and every
 * problem is reported with its file and line. An import adds partners and edges, it never
 * changes the ones the genealogy holds: importing the same files again changes nothing,
 * and files that contradict the genealogy are refused.
 */
public interface OrganisationImport {

	/**
	 * Reads, checks and loads the files, with the company's placement plans: placement
	 * rows must name one of them, with a position in a binary plan and without one in a
	 * matrix plan, and no matrix parent may hold more partners than its plan's width.
	 * @param partners the partners file
	 * @param sponsorships the sponsor edges file
	 * @param placements the placement edges file, or {@code null} without placement trees
	 * @param plans the placement plans
	 * @return the outcome
	 */
	ImportResult importCsv(Reader partners, Reader sponsorships, Reader placements, PlacementPlans plans);

	/**
	 * Reads, checks and loads the files without knowing the plans: any plan name is
	 * taken, a row with a position is binary, and matrix widths are not checked.
	 * @param partners the partners file
	 * @param sponsorships the sponsor edges file
	 * @param placements the placement edges file, or {@code null} without placement trees
	 * @return the outcome
	 */
	ImportResult importCsv(Reader partners, Reader sponsorships, Reader placements);

}
