package io.treeline.embedded;

/**
 * An embedded store could not be started. The message names the setting to change and is
 * shown to the user as it is, without a stack trace.
 */
public class EmbeddedStoreException extends RuntimeException {

	private final String setting;

	public EmbeddedStoreException(String message, String setting, Throwable cause) {
		super(message, cause);
		this.setting = setting;
	}

	public EmbeddedStoreException(String message, String setting) {
		this(message, setting, null);
	}

	/**
	 * Returns the configuration property that fixes the problem.
	 * @return the name of the property
	 */
	public String setting() {
		return this.setting;
	}

}
