package io.treeline.portal.base;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class MachineDefaultsTest {

	@Test
	void givesFourWorkerThreadsPerProcessor() {
		StandardEnvironment environment = new StandardEnvironment();
		new MachineDefaults(2).postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.tomcat.threads.max", Integer.class)).isEqualTo(8);
	}

	@Test
	void yieldsToAConfiguredValue() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("configured", Map.of("server.tomcat.threads.max", "50")));
		new MachineDefaults(2).postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.tomcat.threads.max", Integer.class)).isEqualTo(50);
	}

}
