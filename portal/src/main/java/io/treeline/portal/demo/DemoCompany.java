package io.treeline.portal.demo;

import java.time.LocalDate;
import java.util.Optional;

import io.treeline.compensation.Orders;
import io.treeline.compensation.PeriodLength;
import io.treeline.compensation.Plan;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.Plans;
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
 * other partners never gets it. It comes with a unilevel and a binary plan from July
 * 2026. Off with {@code treeline.demo.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "treeline.demo.enabled", matchIfMissing = true)
class DemoCompany implements ApplicationRunner {

	static final String FLAG = "demo-company-loaded";

	static final int SIZE = 300;

	static final long SEED = 20260101L;

	static final String UNILEVEL_PLAN = "unilevel";

	static final String FIRST_PERIOD = "2026-07";

	private static final Logger logger = LoggerFactory.getLogger(DemoCompany.class);

	private final OrganisationLoader loader;

	private final Partners partners;

	private final Orders orders;

	private final Plans plans;

	private final JdbcClient jdbc;

	DemoCompany(OrganisationLoader loader, Partners partners, Orders orders, Plans plans, JdbcClient jdbc) {
		this.loader = loader;
		this.partners = partners;
		this.orders = orders;
		this.plans = plans;
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
		demoPlans();
		this.jdbc.sql("insert into application_flags (name) values (:name) on conflict do nothing")
			.param("name", FLAG)
			.update();
		logger.info("Loaded the demo company: {} partners and {} orders in {} ms", SIZE, demo.orders().size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * A monthly unilevel plan over the sponsor tree and a monthly binary plan over the
	 * demo's placement tree, from the month of the first demo orders.
	 */
	private void demoPlans() {
		if (this.plans.find(UNILEVEL_PLAN).isEmpty()) {
			this.plans.create(new Plan(UNILEVEL_PLAN, PlanType.UNILEVEL, PeriodLength.MONTHLY, FIRST_PERIOD),
					LocalDate.parse(FIRST_PERIOD + "-01"), """
							{"type":"UNILEVEL","levelRates":["0.10","0.05","0.03","0.02","0.02","0.01","0.01"],
							 "minPersonalPv":"50"}""");
		}
		if (this.plans.find(DemoOrganisation.BINARY_PLAN).isEmpty()) {
			this.plans.create(
					new Plan(DemoOrganisation.BINARY_PLAN, PlanType.BINARY, PeriodLength.MONTHLY, FIRST_PERIOD),
					LocalDate.parse(FIRST_PERIOD + "-01"), """
							{"type":"BINARY","rate":"0.10","minPersonalPv":"50","capPerPeriod":"2000.00",
							 "maxCarry":"50000"}""");
		}
	}

	private boolean loadedBefore() {
		return this.jdbc.sql("select count(*) from application_flags where name = :name")
			.param("name", FLAG)
			.query(Long.class)
			.single() > 0;
	}

}
