package io.treeline.graph.change;

import java.time.Instant;

import io.treeline.graph.ClosedPeriods;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lock date of the genealogy while no module closes commission periods.
 */
@Configuration(proxyBeanMethods = false)
class ChangeSettings {

	@Bean
	@ConditionalOnMissingBean(ClosedPeriods.class)
	ClosedPeriods configuredLockDate(@Value("${treeline.genealogy.locked-until:}") String lockedUntil) {
		Instant closedUntil = lockedUntil.isBlank() ? Instant.MIN : Instant.parse(lockedUntil);
		return () -> closedUntil;
	}

}
