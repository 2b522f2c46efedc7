package io.treeline.portal.start;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.Orders;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;
import io.treeline.portal.base.MachineDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user keeps when they stop and start the application: all data of both stores,
 * the administrator account, and a demo company that is loaded only once.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIT {

	@Test
	void keepsAllDataAcrossARestartAndLoadsTheDemoCompanyOnce(CapturedOutput output) {
		Path dataDir = Starts.newDataDir();
		long orders;
		String adminHash;
		try (ConfigurableApplicationContext first = Starts.start(dataDir)) {
			orders = count(first, "orders");
			adminHash = adminHash(first);
			assertThat(first.getBean(Partners.class).count(null)).isEqualTo(300);
			assertThat(output.getOut()).contains("Treeline is ready: back office at http://localhost:");
			assertThat(first.getEnvironment().getProperty("server.tomcat.threads.max", Integer.class))
				.isEqualTo(MachineDefaults.WORKER_THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors());
			first.getBean(Orders.class)
				.record(new NewOrder("RESTART-1", PartnerNumber.of("P-0000001"), Instant.parse("2026-11-02T10:00:00Z"),
						"EUR", List.of(new OrderLine("VIT-100", BigDecimal.ONE, new BigDecimal("39.90"),
								new BigDecimal("0.07"), BigDecimal.TEN, BigDecimal.TEN))));
		}
		assertThat(dataDir.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped").doesNotExist();
		try (ConfigurableApplicationContext second = Starts.start(dataDir)) {
			assertThat(count(second, "orders")).isEqualTo(orders + 1);
			assertThat(second.getBean(Partners.class).count(null)).isEqualTo(300);
			assertThat(count(second, "users")).isEqualTo(1);
			assertThat(adminHash(second)).isEqualTo(adminHash);
		}
		assertThat(Files.exists(dataDir.resolve("neo4j"))).isTrue();
	}

	private static long count(ConfigurableApplicationContext context, String table) {
		return context.getBean(JdbcClient.class).sql("select count(*) from " + table).query(Long.class).single();
	}

	private static String adminHash(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("select password from users where username = 'admin'")
			.query(String.class)
			.single();
	}

}
