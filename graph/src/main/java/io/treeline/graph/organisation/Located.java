package io.treeline.graph.organisation;

import io.treeline.graph.ImportProblem;

/**
 * A value read from a line of an import file.
 *
 * @param file the file's role
 * @param line the line number (1 is the header)
 * @param value what the line holds
 */
record Located<T>(String file, long line, T value) {

	ImportProblem problem(String message) {
		return new ImportProblem(this.file, this.line, message);
	}

}
