package io.treeline.compensation.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import io.treeline.compensation.MonthlyVolume;
import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.compensation.Orders;
import io.treeline.compensation.RecordedOrder;
import io.treeline.compensation.Volumes;
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
class JdbcOrdersIT {

	@Autowired
	OrganisationLoader organisationLoader;

	@BeforeEach
	void partnersOfTheOrders() {
		TestPartners.ensure(this.organisationLoader, "P-1", "P-V", "P-R");
	}

	@Autowired
	Orders orders;

	@Autowired
	Volumes volumes;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsAnOrderOnceAndItsPaymentOnce() {
		NewOrder order = order("O-1", "P-1", "2026-01-20T10:00:00Z", "100");
		assertThat(this.orders.record(order)).isTrue();
		assertThat(this.orders.record(order)).isFalse();
		assertThat(this.orders.markPaid("O-1", Instant.parse("2026-03-05T09:00:00Z"))).isTrue();
		assertThat(this.orders.markPaid("O-1", Instant.parse("2026-03-06T09:00:00Z"))).isFalse();
		assertThat(this.jdbc
			.sql("select count(*) from order_lines l join orders o on o.id = l.order_id where o.order_number = 'O-1'")
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void refusesReturnsDatedBeforeThePaymentOrTheLastReturnAndOverlyPreciseFractions() {
		this.orders.record(order("R-1", "P-R", "2026-01-10T10:00:00Z", "100"));
		this.orders.markPaid("R-1", Instant.parse("2026-01-12T10:00:00Z"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.orders.recordReturn("R-1", new OrderReturn.Share(new BigDecimal("0.4")),
					Instant.parse("2026-01-11T10:00:00Z"), "S-1"))
			.withMessage("A return of order R-1 cannot be dated before 2026-01-12T10:00:00Z, when it was paid");
		assertThat(this.orders.recordReturn("R-1", new OrderReturn.Share(new BigDecimal("0.4")),
				Instant.parse("2026-01-20T10:00:00Z"), "S-2"))
			.isTrue();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.orders.recordReturn("R-1", new OrderReturn.Whole(),
					Instant.parse("2026-01-15T10:00:00Z"), "S-3"))
			.withMessage(
					"A return of order R-1 cannot be dated before 2026-01-20T10:00:00Z, when it was last returned");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.orders.recordReturn("R-1",
					new OrderReturn.Share(new BigDecimal("0.1000000000000000001")),
					Instant.parse("2026-01-21T10:00:00Z"), "S-4"))
			.withMessage("A returned fraction has at most 18 decimals (got 0.1000000000000000001)");
		assertThat(this.orders.find("R-1"))
			.hasValueSatisfying((order) -> assertThat(order.events()).extracting(RecordedOrder.Event::kind)
				.containsExactly("PAID", "RETURNED"));
	}

	@Test
	void refusesThePaymentOfAnUnknownOrder() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.orders.markPaid("O-404", Instant.now()))
			.withMessage("No order has the number O-404");
	}

	@Test
	void sumsPaidVolumeByMonthOfPaymentInTheCompanyTimeZone() {
		this.orders.record(order("V-1", "P-V", "2026-01-10T10:00:00Z", "100"));
		this.orders.record(order("V-2", "P-V", "2026-01-30T10:00:00Z", "40"));
		this.orders.record(order("V-3", "P-V", "2026-01-31T10:00:00Z", "999"));
		this.orders.markPaid("V-1", Instant.parse("2026-01-11T10:00:00Z"));
		// 23:30 UTC on 31 January is already February in Berlin
		this.orders.markPaid("V-2", Instant.parse("2026-01-31T23:30:00Z"));
		var byMonth = this.volumes.personalByMonth(List.of(PartnerNumber.of("P-V"), PartnerNumber.of("P-NONE")));
		assertThat(byMonth.get(PartnerNumber.of("P-V"))).containsExactly(
				new MonthlyVolume(YearMonth.of(2026, 1), new BigDecimal("100.0000"), new BigDecimal("90.0000")),
				new MonthlyVolume(YearMonth.of(2026, 2), new BigDecimal("40.0000"), new BigDecimal("36.0000")));
		assertThat(byMonth.get(PartnerNumber.of("P-NONE"))).isEmpty();
	}

	@Test
	void refusesAnOrderWithoutLinesOrWithNegativeVolume() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NewOrder("O-2", PartnerNumber.of("P-1"), Instant.now(), "EUR", List.of()))
			.withMessageContaining("at least one line");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OrderLine("X", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("-1"),
					BigDecimal.ONE))
			.withMessageContaining("pv must be at least 0");
	}

	/** An order of two lines whose PV adds up to {@code pv} and whose BV is 90% of it. */
	private static NewOrder order(String number, String partner, String orderedAt, String pv) {
		BigDecimal total = new BigDecimal(pv);
		BigDecimal first = total.divide(BigDecimal.TWO);
		BigDecimal second = total.subtract(first);
		BigDecimal ratio = new BigDecimal("0.9");
		return new NewOrder(number, PartnerNumber.of(partner), Instant.parse(orderedAt), "EUR",
				List.of(new OrderLine("A-100", BigDecimal.ONE, first, new BigDecimal("0.19"), first,
						first.multiply(ratio)),
						new OrderLine("A-200", BigDecimal.ONE, second, new BigDecimal("0.19"), second,
								second.multiply(ratio))));
	}

}
