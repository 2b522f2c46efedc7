package io.treeline.graph;

import java.io.Reader;

/**
 * Imports an existing organisation from CSV files (format in
 * {@code docs/import-format.md}): all files are read and checked first; if anything is
 * wrong, nothing is imported and every problem is reported with its file and line.
 * Importing the same files again changes nothing.
 */
public interface OrganisationImport {

	/**
	 * Reads, checks and loads the files.
	 * @param partners the partners file
	 * @param sponsorships the sponsor edges file
	 * @param placements the placement edges file, or {@code null} without placement trees
	 * @return the outcome
	 */
	ImportResult importCsv(Reader partners, Reader sponsorships, Reader placements);

}
