package io.treeline.portal.base;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that depend on the machine, below every configured value: the web server's
 * worker threads, {@value #WORKER_THREADS_PER_PROCESSOR} per processor. Requests mostly
 * compute on trees held in memory, so a few threads a core keep every core busy, and
 * further requests wait their turn in the server's queue instead of sharing the cores in
 * time slices (ADR 27).
 */
public class MachineDefaults implements EnvironmentPostProcessor {

	/** Web server threads per processor the application may use. */
	public static final int WORKER_THREADS_PER_PROCESSOR = 4;

	static final String NAME = "treelineMachineDefaults";

	private final int processors;

	public MachineDefaults() {
		this(Runtime.getRuntime().availableProcessors());
	}

	MachineDefaults(int processors) {
		this.processors = processors;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource(NAME,
					Map.of("server.tomcat.threads.max", WORKER_THREADS_PER_PROCESSOR * this.processors)));
	}

}
