package io.treeline.graph;

import java.util.List;

/**
 * The outcome of an import: either everything was loaded, or nothing was and the problems
 * say why.
 *
 * @param problems what is wrong with the files, by file and line, at most the first 200;
 * empty when the import was loaded
 * @param problemCount how many problems were found in all
 * @param partners partners in the files
 * @param sponsorships sponsor edges in the files
 * @param placements placement edges in the files
 */
public record ImportResult(List<ImportProblem> problems, int problemCount, int partners, int sponsorships,
		int placements) {

	public ImportResult {
		problems = List.copyOf(problems);
		if (problemCount < problems.size()) {
			throw new IllegalArgumentException("problemCount must count at least the problems listed");
		}
	}

	/**
	 * Returns the outcome of a loaded import.
	 * @param partners partners in the files
	 * @param sponsorships sponsor edges in the files
	 * @param placements placement edges in the files
	 * @return the outcome without problems
	 */
	public static ImportResult loaded(int partners, int sponsorships, int placements) {
		return new ImportResult(List.of(), 0, partners, sponsorships, placements);
	}

	public boolean loaded() {
		return this.problemCount == 0;
	}

}
