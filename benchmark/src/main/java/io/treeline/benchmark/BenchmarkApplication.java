package io.treeline.benchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the benchmark on fresh embedded stores and exits. Settings:
 * {@code treeline.benchmark.size} (partners, default 100,000),
 * {@code treeline.benchmark.seed}, {@code treeline.benchmark.baselines} (run the naive
 * alternatives, default true up to 100,000 partners) and
 * {@code treeline.benchmark.report} (the Markdown file written).
 */
@SpringBootApplication(scanBasePackages = { "io.treeline.graph", "io.treeline.compensation", "io.treeline.benchmark" })
public class BenchmarkApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(BenchmarkApplication.class, args)));
	}

}
