package io.treeline.portal.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker cannot run on the build machines, so this checks what can be checked without it:
 * the compose file parses, names the services the application needs, and hands the
 * application only settings that it reads, with the ports the services listen on.
 */
class DockerComposeTest {

	private static final Path COMPOSE_FILE = Path.of("../docker-compose.yml");

	private static Map<String, Map<String, Object>> services;

	private static Set<String> knownProperties;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void read() throws IOException {
		try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
			services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(reader).get("services");
		}
		knownProperties = new HashSet<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		for (Resource metadata : resolver.getResources("classpath*:META-INF/*spring-configuration-metadata.json")) {
			String json = metadata.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			java.util.regex.Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"")
				.matcher(json)
				.results()
				.forEach((match) -> knownProperties.add(canonical(match.group(1))));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void startsNeo4jPostgresAndTheApplication() {
		assertThat(services).containsOnlyKeys("neo4j", "postgres", "app");
		assertThat((String) services.get("neo4j").get("image")).startsWith("neo4j:2026.08.1");
		assertThat(((Map<String, Object>) services.get("app").get("depends_on")).keySet())
			.containsExactlyInAnyOrder("neo4j", "postgres");
	}

	@Test
	void handsTheApplicationOnlySettingsItReads() {
		Set<String> unknown = new HashSet<>();
		for (String variable : environment("app").keySet()) {
			if (!variable.equals("SPRING_PROFILES_ACTIVE") && !knownProperties.contains(canonical(variable))) {
				unknown.add(variable);
			}
		}
		assertThat(unknown).as("variables that no property of the application reads").isEmpty();
		assertThat(knownProperties).contains(canonical("spring.neo4j.uri"), canonical("spring.datasource.url"),
				canonical("treeline.embedded.enabled"), canonical("treeline.admin.initial-password"));
	}

	@Test
	void pointsTheApplicationAtTheServicesAndTheirPorts() throws IOException {
		Map<String, Object> app = environment("app");
		assertThat(app.get("SPRING_PROFILES_ACTIVE")).isEqualTo("external");
		assertThat(app.get("SPRING_NEO4J_URI")).isEqualTo("bolt://neo4j:7687");
		assertThat(ports("neo4j")).contains("7687:7687");
		assertThat((String) app.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
		assertThat(ports("postgres")).contains("5432:5432");
		assertThat(ports("app"))
			.contains(applicationProperties("application.properties").getProperty("server.port") + ":8080");
	}

	@Test
	void theExternalProfileTurnsTheEmbeddedStoresOffAndHasNoSecrets() throws IOException {
		Properties external = applicationProperties("application-external.properties");
		assertThat(external.getProperty("treeline.embedded.enabled")).isEqualTo("false");
		assertThat(external.getProperty("treeline.demo.enabled")).isEqualTo("false");
		assertThat(external.stringPropertyNames()).noneMatch((name) -> name.contains("password"));
		assertThat(environment("app").get("SPRING_DATASOURCE_PASSWORD")).asString().startsWith("${");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(String service) {
		return (Map<String, Object>) services.get(service).get("environment");
	}

	@SuppressWarnings("unchecked")
	private static List<String> ports(String service) {
		return (List<String>) services.get(service).get("ports");
	}

	private static Properties applicationProperties(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources").resolve(name))) {
			properties.load(in);
		}
		return properties;
	}

	/**
	 * Spring Boot's relaxed binding: SPRING_NEO4J_URI and spring.neo4j.uri are one name.
	 */
	private static String canonical(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
