package io.treeline.portal.demo;

import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoCompanyIT {

	@Autowired
	DemoCompany demo;

	@Autowired
	Partners partners;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadsTheDemoCompanyOnTheFirstStartIntoBothStores() {
		assertThat(this.partners.count(null)).isEqualTo(DemoCompany.SIZE);
		assertThat(this.partners.find(PartnerNumber.of("P-0000300"))).isPresent();
		assertThat(orders()).isGreaterThan(DemoCompany.SIZE);
		assertThat(this.jdbc.sql("select count(*) from order_events").query(Long.class).single()).isLessThan(orders())
			.isGreaterThan(orders() * 9 / 10);
	}

	@Test
	void doesNotLoadItAgain() {
		long before = orders();
		this.demo.run(new DefaultApplicationArguments());
		assertThat(orders()).isEqualTo(before);
		assertThat(this.partners.count(null)).isEqualTo(DemoCompany.SIZE);
	}

	@Test
	void isTheSameCompanyOnEveryMachine() {
		DemoOrganisation first = DemoOrganisation.generate(50, 7);
		DemoOrganisation second = DemoOrganisation.generate(50, 7);
		assertThat(first).isEqualTo(second);
		assertThat(first.organisation().sponsorships()).hasSize(50);
		assertThat(first.organisation().placements()).hasSize(49);
	}

	private long orders() {
		return this.jdbc.sql("select count(*) from orders").query(Long.class).single();
	}

}
