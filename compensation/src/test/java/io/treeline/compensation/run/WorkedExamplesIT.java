package io.treeline.compensation.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.treeline.compensation.CommissionRuns;
import io.treeline.compensation.EmptyCompany;
import io.treeline.compensation.Orders;
import io.treeline.compensation.Plans;
import io.treeline.graph.OrganisationLoader;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binding worked examples of domain.md §7 (data files in {@code worked-examples/})
 * and the project's own examples of the parts domain.md gives no numbers for (in
 * {@code plan-examples/}), played through the public services on embedded Neo4j and
 * PostgreSQL.
 */
@SpringBootTest
class WorkedExamplesIT {

	private static final Path BINDING = Path.of("src/test/resources/worked-examples");

	private static final Path OWN = Path.of("src/test/resources/plan-examples");

	@Autowired
	OrganisationLoader loader;

	@Autowired
	Plans plans;

	@Autowired
	Orders orders;

	@Autowired
	CommissionRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Flyway flyway;

	@Autowired
	Neo4jClient neo4j;

	@BeforeEach
	void emptyCompany() {
		EmptyCompany.reset(this.neo4j, this.jdbc, this.flyway);
	}

	static Stream<Path> examples() throws IOException {
		return Stream.concat(Files.list(BINDING), Files.list(OWN))
			.filter((file) -> file.toString().endsWith(".example"))
			.sorted();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void reproducesEveryNumberOfTheWorkedExample(Path example) {
		List<String> checked = new WorkedExample(example, this.loader, this.plans, this.orders, this.runs).play();
		assertThat(checked).isNotEmpty();
	}

}
