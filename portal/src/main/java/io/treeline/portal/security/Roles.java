package io.treeline.portal.security;

/**
 * The roles of the application. Staff roles open the back office and the GraphQL API.
 */
public final class Roles {

	/** Administers accounts and settings; may do everything staff may do. */
	public static final String ADMIN = "ADMIN";

	/** Back-office staff. */
	public static final String STAFF = "STAFF";

	private Roles() {
	}

}
