package io.treeline.compensation.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.treeline.compensation.Customer;
import io.treeline.compensation.Customers;
import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.Orders;
import io.treeline.compensation.TestPartners;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.PartnerNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SpringBootTest
class JdbcCustomersIT {

	@Autowired
	OrganisationLoader organisationLoader;

	@BeforeEach
	void partnersOfTheOrders() {
		TestPartners.ensure(this.organisationLoader, "CU-P1", "CU-P2", "CU-P3");
	}

	@Autowired
	Customers customers;

	@Autowired
	Orders orders;

	@Autowired
	JdbcClient jdbc;

	@Test
	void creditsACustomersOrderToThePartnerWhoBroughtThem() {
		Customer anna = new Customer("K-ANNA", PartnerNumber.of("CU-P1"), "Anna Kundin", "anna@example.com");
		assertThat(this.customers.register(anna)).isTrue();
		assertThat(this.customers.register(anna)).isFalse();
		assertThat(this.orders.record(
				new NewOrder("CU-O1", null, Instant.parse("2026-01-10T10:00:00Z"), "EUR", List.of(line()), "K-ANNA")))
			.isTrue();
		assertThat(this.jdbc.sql("select partner_number from orders where order_number = 'CU-O1'")
			.query(String.class)
			.single()).isEqualTo("CU-P1");
		assertThat(this.customers.of(PartnerNumber.of("CU-P1"))).containsExactly(anna);
	}

	@Test
	void keepsACustomerWithThePartnerWhoBroughtThem() {
		this.customers.register(new Customer("K-BERT", PartnerNumber.of("CU-P2"), "Bert Kunde", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.customers.register(new Customer("K-BERT", PartnerNumber.of("CU-P3"), "Bert", null)))
			.withMessage("Customer K-BERT belongs to partner CU-P2, who brought them (Kundenschutz)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.orders.record(new NewOrder("CU-O2", PartnerNumber.of("CU-P3"),
					Instant.parse("2026-01-10T10:00:00Z"), "EUR", List.of(line()), "K-BERT")))
			.withMessage(
					"Customer K-BERT belongs to partner CU-P2 (Kundenschutz); the order cannot be credited to CU-P3");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.orders.record(new NewOrder("CU-O3", null, Instant.parse("2026-01-10T10:00:00Z"),
					"EUR", List.of(line()), "K-NOBODY")))
			.withMessage("No customer has the number K-NOBODY; register the customer first");
		assertThat(this.jdbc.sql("select count(*) from orders where order_number in ('CU-O2', 'CU-O3')")
			.query(Integer.class)
			.single()).isZero();
	}

	private static OrderLine line() {
		BigDecimal fifty = new BigDecimal("50.00");
		return new OrderLine("ART-1", BigDecimal.ONE, fifty, new BigDecimal("0.19"), fifty, fifty);
	}

}
