package io.treeline;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries of architecture.md, verified on the compiled code: each module
 * uses only the others' APIs (their root packages) and only the modules it is allowed.
 */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(TreelineApplication.class);

	@Test
	void respectsTheModuleBoundaries() {
		this.modules.verify();
	}

	@Test
	void hasTheModulesOfTheArchitecture() {
		assertThat(this.modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
			.containsExactlyInAnyOrder("cypher", "embedded", "graph", "compensation", "portal");
	}

	@Test
	void keepsTheGraphFreeOfTheMoneySide() {
		assertThat(this.modules.getModuleByName("graph").orElseThrow().getBootstrapDependencies(this.modules))
			.noneMatch((module) -> module.getIdentifier().toString().equals("compensation"));
		assertThat(this.modules.getModuleByName("graph")
			.orElseThrow()
			.getDirectDependencies(this.modules)
			.uniqueModules()
			.map((module) -> module.getIdentifier().toString())).containsOnly("cypher");
	}

}
