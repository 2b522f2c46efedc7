package io.treeline.compensation;

import java.util.List;
import java.util.Optional;

import io.treeline.graph.PartnerNumber;

/**
 * The customers of the partners.
 */
public interface Customers {

	/**
	 * Registers a customer with the partner who brought them. Registering the same
	 * customer with the same partner again changes nothing.
	 * @param customer the customer
	 * @return {@code true} if registered now, {@code false} if known already
	 * @throws IllegalArgumentException if the number belongs to a customer of another
	 * partner (a customer stays with the partner who brought them)
	 */
	boolean register(Customer customer);

	/**
	 * Returns a customer.
	 * @param number the customer number
	 * @return the customer, if there is one
	 */
	Optional<Customer> find(String number);

	/**
	 * Returns the customers of a partner.
	 * @param partner the partner
	 * @return customers by number
	 */
	List<Customer> of(PartnerNumber partner);

}
