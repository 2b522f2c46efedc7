package io.treeline.compensation;

import java.util.Objects;

import io.treeline.graph.PartnerNumber;

/**
 * A customer (Kunde), protected to the partner who brought them: the customer's orders
 * are credited to that partner.
 *
 * @param number the customer number, unique (e.g. the shop's customer id)
 * @param partner the partner who brought the customer
 * @param name the customer's name
 * @param email contact e-mail address, may be {@code null}
 */
public record Customer(String number, PartnerNumber partner, String name, String email) {

	public Customer {
		if (number == null || number.isBlank() || number.length() > 64) {
			throw new IllegalArgumentException("A customer number has 1 to 64 characters");
		}
		Objects.requireNonNull(partner, "partner");
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new IllegalArgumentException("A customer's name has 1 to 200 characters");
		}
	}

}
