package io.treeline.graph;

/**
 * A page of partners ordered by number: an optional search text (terms matched as
 * prefixes of name, number, e-mail or city; all terms must match), a keyset start
 * ({@code after}) and/or a row offset, and a page size.
 *
 * @param search search text, {@code null} or blank for all partners
 * @param after the number after which the page starts, {@code null} for the start
 * @param offset rows to skip after {@code after}
 * @param limit page size, 1 to 1000
 */
public record PartnerQuery(String search, PartnerNumber after, int offset, int limit) {

	public static final int MAX_LIMIT = 1000;

	public PartnerQuery {
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative (got " + offset + ")");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
		}
	}

	public static PartnerQuery first(int limit) {
		return new PartnerQuery(null, null, 0, limit);
	}

	public PartnerQuery matching(String text) {
		return new PartnerQuery(text, this.after, this.offset, this.limit);
	}

	public PartnerQuery after(PartnerNumber number) {
		return new PartnerQuery(this.search, number, this.offset, this.limit);
	}

}
