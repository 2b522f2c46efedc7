package io.treeline.compensation;

import java.util.List;

/**
 * A plan or plan version was refused; nothing was stored. Each problem names the field.
 */
public class InvalidPlanException extends RuntimeException {

	private final List<String> problems;

	public InvalidPlanException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public InvalidPlanException(String problem) {
		this(List.of(problem));
	}

	/**
	 * Returns what is wrong, one sentence per problem, each naming the field.
	 * @return the problems
	 */
	public List<String> problems() {
		return this.problems;
	}

}
