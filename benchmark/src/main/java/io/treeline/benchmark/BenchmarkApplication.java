package io.treeline.benchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the benchmark on fresh embedded stores and exits. Its settings
 * ({@code treeline.benchmark.*}) are described in {@link ScaleBenchmark.Settings} and in
 * docs/benchmarks/README.md.
 */
@SpringBootApplication(scanBasePackages = { "io.treeline.graph", "io.treeline.compensation", "io.treeline.benchmark" })
public class BenchmarkApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(BenchmarkApplication.class, args)));
	}

}
