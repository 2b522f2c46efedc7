package io.treeline.graph;

/**
 * Something wrong in an import file, with where it is.
 *
 * @param file the file's role: {@code partners}, {@code sponsorships} or
 * {@code placements}
 * @param line the line number in the file (1 is the header)
 * @param message what is wrong, in words a user can act on
 */
public record ImportProblem(String file, long line, String message) {

	@Override
	public String toString() {
		return this.file + ", line " + this.line + ": " + this.message;
	}

}
