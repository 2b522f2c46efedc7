package io.treeline.graph;

import java.time.Instant;
import java.util.Objects;

/**
 * A sales partner (Vertriebspartner) as kept in the genealogy.
 *
 * @param number the unique business number
 * @param firstName given name
 * @param lastName family name
 * @param email contact e-mail address, may be {@code null}
 * @param city city of the partner's address, may be {@code null}
 * @param country ISO 3166-1 alpha-2 country code, e.g. {@code DE}
 * @param language ISO 639-1 language code, e.g. {@code de}
 * @param status contract status
 * @param joinedAt the instant the partner's contract started
 */
public record Partner(PartnerNumber number, String firstName, String lastName, String email, String city,
		String country, String language, PartnerStatus status, Instant joinedAt) {

	public Partner {
		Objects.requireNonNull(number, "number");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(joinedAt, "joinedAt");
	}

	/**
	 * Returns the name as users read it.
	 * @return first and last name
	 */
	public String name() {
		return (Objects.toString(this.firstName, "") + " " + Objects.toString(this.lastName, "")).strip();
	}

}
