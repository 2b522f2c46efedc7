package io.treeline.graph;

import java.util.List;

/**
 * The outcome of an import: either everything was loaded, or nothing was and the problems
 * say why.
 *
 * @param problems what is wrong with the files; empty when the import was loaded
 * @param partners partners in the files
 * @param sponsorships sponsor edges in the files
 * @param placements placement edges in the files
 */
public record ImportResult(List<ImportProblem> problems, int partners, int sponsorships, int placements) {

	public ImportResult {
		problems = List.copyOf(problems);
	}

	public boolean loaded() {
		return this.problems.isEmpty();
	}

}
