package io.treeline.portal.start;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Bad configuration stops the start with a short report that names the setting to change,
 * not with a wall of stack traces.
 */
@ExtendWith(OutputCaptureExtension.class)
class MisconfigurationIT {

	@Test
	void namesTheDataFolderSettingWhenTheFolderCannotBeWritten(CapturedOutput output) throws IOException {
		Path notAFolder = Files.createDirectories(Path.of("target/it-data"))
			.resolve("not-a-folder-" + System.nanoTime());
		Files.writeString(notAFolder, "a file, not a folder");
		assertThatException().isThrownBy(() -> Starts.start(notAFolder));
		assertReport(output, "cannot be written: set treeline.embedded.data-dir");
	}

	@Test
	void namesThePortSettingWhenTheBoltPortIsTaken(CapturedOutput output) throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatException().isThrownBy(() -> Starts.start(Starts.newDataDir(),
					"--treeline.embedded.neo4j.bolt-port=" + taken.getLocalPort()));
			assertReport(output, "Port " + taken.getLocalPort()
					+ " for the embedded Neo4j is already in use: set treeline.embedded.neo4j.bolt-port");
		}
	}

	@Test
	void namesTheServerPortWhenTheWebPortIsTaken(CapturedOutput output) throws IOException {
		try (ServerSocket taken = new ServerSocket(0)) {
			assertThatException()
				.isThrownBy(() -> Starts.start(Starts.newDataDir(), "--server.port=" + taken.getLocalPort()));
			assertReport(output, "Port " + taken.getLocalPort() + " was already in use");
		}
	}

	@Test
	void namesTheUriSettingWhenTheNeo4jServerCannotBeReached(CapturedOutput output) throws IOException {
		int closed = closedPort();
		assertThatException().isThrownBy(() -> Starts.start(Starts.newDataDir(),
				"--treeline.embedded.neo4j.enabled=false", "--spring.neo4j.uri=bolt://localhost:" + closed));
		assertReport(output, "Cannot reach Neo4j at bolt://localhost:" + closed);
		assertThat(output.getOut()).contains("spring.neo4j.uri");
	}

	@Test
	void namesTheUrlSettingWhenThePostgreSqlServerCannotBeReached(CapturedOutput output) throws IOException {
		int closed = closedPort();
		String url = "jdbc:postgresql://localhost:" + closed + "/treeline";
		assertThatException().isThrownBy(() -> Starts.start(Starts.newDataDir(),
				"--treeline.embedded.postgres.enabled=false", "--spring.datasource.url=" + url));
		assertReport(output, "Cannot reach PostgreSQL at " + url);
		assertThat(output.getOut()).contains("spring.datasource.url");
	}

	private static void assertReport(CapturedOutput output, String description) {
		String printed = output.getOut() + output.getErr();
		assertThat(printed).contains("APPLICATION FAILED TO START").contains(description);
		String afterReport = printed.substring(printed.lastIndexOf("APPLICATION FAILED TO START"));
		assertThat(afterReport).as("no stack trace after the report").doesNotContain("\tat ");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
