package io.treeline.portal.demo;

import java.util.Optional;

import io.treeline.compensation.Orders;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the demo company on the first start of an installation so that a new user sees
 * something real. It is loaded once: both stores take it idempotently (partners and edges
 * by key, orders by number), and a flag written after both parts marks it done, so a
 * start interrupted half-way completes it next time. An installation that already holds
 * other partners never gets it. Off with {@code treeline.demo.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "treeline.demo.enabled", matchIfMissing = true)
class DemoCompany implements ApplicationRunner {

	static final String FLAG = "demo-company-loaded";

	static final int SIZE = 300;

	static final long SEED = 20260101L;

	private static final Logger logger = LoggerFactory.getLogger(DemoCompany.class);

	private final OrganisationLoader loader;

	private final Partners partners;

	private final Orders orders;

	private final JdbcClient jdbc;

	DemoCompany(OrganisationLoader loader, Partners partners, Orders orders, JdbcClient jdbc) {
		this.loader = loader;
		this.partners = partners;
		this.orders = orders;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (loadedBefore()) {
			return;
		}
		if (this.partners.count(null) > 0 && this.partners.find(DemoOrganisation.number(1)).isEmpty()) {
			logger.info("The genealogy holds partners of its own; the demo company is not loaded");
			return;
		}
		long started = System.nanoTime();
		DemoOrganisation demo = DemoOrganisation.generate(SIZE, SEED);
		this.loader.load(demo.organisation());
		for (DemoOrganisation.PaidOrder paid : demo.orders()) {
			this.orders.record(paid.order());
			Optional.ofNullable(paid.paidAt()).ifPresent((at) -> this.orders.markPaid(paid.order().orderNumber(), at));
		}
		this.jdbc.sql("insert into application_flags (name) values (:name) on conflict do nothing")
			.param("name", FLAG)
			.update();
		logger.info("Loaded the demo company: {} partners and {} orders in {} ms", SIZE, demo.orders().size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private boolean loadedBefore() {
		return this.jdbc.sql("select count(*) from application_flags where name = :name")
			.param("name", FLAG)
			.query(Long.class)
			.single() > 0;
	}

}
