package io.treeline.compensation.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.treeline.compensation.Customer;
import io.treeline.compensation.Customers;
import io.treeline.compensation.store.CompensationTransactional;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link Customers} in the table {@code customers}.
 */
@Component
class JdbcCustomers implements Customers {

	private final JdbcClient jdbc;

	private final Partners partners;

	JdbcCustomers(JdbcClient jdbc, Partners partners) {
		this.jdbc = jdbc;
		this.partners = partners;
	}

	@Override
	@CompensationTransactional
	public boolean register(Customer customer) {
		if (this.partners.find(customer.partner()).isEmpty()) {
			throw new IllegalArgumentException("No partner has the number " + customer.partner() + " in the genealogy");
		}
		int inserted = this.jdbc.sql("""
				insert into customers (customer_number, partner_number, name, email)
				values (:number, :partner, :name, :email)
				on conflict (customer_number) do nothing
				""")
			.param("number", customer.number())
			.param("partner", customer.partner().value())
			.param("name", customer.name())
			.param("email", customer.email())
			.update();
		if (inserted == 1) {
			return true;
		}
		Customer known = find(customer.number()).orElseThrow();
		if (!known.partner().equals(customer.partner())) {
			throw new IllegalArgumentException("Customer " + customer.number() + " belongs to partner "
					+ known.partner() + ", who brought them (Kundenschutz)");
		}
		return false;
	}

	@Override
	public Optional<Customer> find(String number) {
		return this.jdbc.sql("select * from customers where customer_number = :number")
			.param("number", number)
			.query(JdbcCustomers::customer)
			.optional();
	}

	@Override
	public List<Customer> of(PartnerNumber partner) {
		return this.jdbc.sql("select * from customers where partner_number = :partner order by customer_number")
			.param("partner", partner.value())
			.query(JdbcCustomers::customer)
			.list();
	}

	private static Customer customer(ResultSet rs, int row) throws SQLException {
		return new Customer(rs.getString("customer_number"), PartnerNumber.of(rs.getString("partner_number")),
				rs.getString("name"), rs.getString("email"));
	}

}
