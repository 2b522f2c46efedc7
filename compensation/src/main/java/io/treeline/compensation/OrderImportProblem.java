package io.treeline.compensation;

/**
 * Something wrong in an order import file, with where it is.
 *
 * @param file the file's name
 * @param line the line number in the file (in CSV, 1 is the header)
 * @param message what is wrong, in words a user can act on
 */
public record OrderImportProblem(String file, long line, String message) {

	@Override
	public String toString() {
		return this.file + ", line " + this.line + ": " + this.message;
	}

}
