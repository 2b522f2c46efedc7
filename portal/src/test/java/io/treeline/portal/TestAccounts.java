package io.treeline.portal;

/**
 * The accounts the integration tests sign in with (see the test application.properties).
 */
public final class TestAccounts {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "test-admin-secret";

	private TestAccounts() {
	}

}
