package io.treeline.graph;

/**
 * A change of the genealogy was refused and nothing was changed; the message says why in
 * words a user can act on.
 */
public class GenealogyChangeRefused extends RuntimeException {

	private final Reason reason;

	public GenealogyChangeRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why a change was refused. */
	public enum Reason {

		/** A partner with that number exists already. */
		DUPLICATE_NUMBER,

		/** A partner named in the change does not exist. */
		UNKNOWN_PARTNER,

		/** The change would make a partner its own upline. */
		CYCLE,

		/** The chosen parent has no free position. */
		PARENT_FULL,

		/** The change is dated within a closed period (or before the lock date). */
		PERIOD_CLOSED,

		/** The change is dated before a partner existed or before an earlier change. */
		OUT_OF_ORDER,

		/** The partner has left the company. */
		TERMINATED,

		/** The partner has a position in that placement tree already. */
		ALREADY_PLACED,

		/** The chosen parent is outside the sponsor's part of the placement tree. */
		OUTSIDE_SPONSOR_DOWNLINE

	}

}
