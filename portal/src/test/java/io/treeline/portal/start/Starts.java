package io.treeline.portal.start;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.treeline.TreelineApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application as {@code main} does, with its own data folder and free
 * ports, for tests of starting, stopping and misconfiguration.
 */
final class Starts {

	private Starts() {
	}

	static Path newDataDir() {
		return Path.of("target/it-data/start-" + UUID.randomUUID());
	}

	/**
	 * Starts the application.
	 * @param dataDir the data folder
	 * @param overrides {@code --name=value} arguments that replace the test defaults
	 * @return the running application
	 */
	static ConfigurableApplicationContext start(Path dataDir, String... overrides) {
		Map<String, String> args = new LinkedHashMap<>();
		args.put("server.port", "0");
		args.put("treeline.embedded.data-dir", dataDir.toString());
		args.put("treeline.embedded.neo4j.bolt-port", "0");
		args.put("treeline.embedded.postgres.port", "0");
		args.put("treeline.embedded.neo4j.page-cache", "32MB");
		for (String override : overrides) {
			String[] nameAndValue = override.substring(2).split("=", 2);
			args.put(nameAndValue[0], nameAndValue[1]);
		}
		return new SpringApplicationBuilder(TreelineApplication.class).run(args.entrySet()
			.stream()
			.map((arg) -> "--" + arg.getKey() + "=" + arg.getValue())
			.toArray(String[]::new));
	}

}
