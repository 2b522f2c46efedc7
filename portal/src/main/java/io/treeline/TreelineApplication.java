package io.treeline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Treeline: genealogy, compensation and administration for network-marketing companies.
 * The modules are the packages below this one; Spring Modulith verifies their boundaries.
 */
@SpringBootApplication
public class TreelineApplication {

	public static void main(String[] args) {
		SpringApplication.run(TreelineApplication.class, args);
	}

}
