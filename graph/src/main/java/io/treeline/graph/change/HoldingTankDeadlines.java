package io.treeline.graph.change;

import java.time.Clock;
import java.util.List;

import io.treeline.graph.HoldingTanks;
import io.treeline.graph.Placement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Places the partners whose holding-tank deadline has passed, every minute by default
 * ({@code treeline.genealogy.holding-tank-check}, an ISO duration; off with
 * {@code treeline.genealogy.holding-tank-deadlines=false}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "treeline.genealogy.holding-tank-deadlines", matchIfMissing = true)
class HoldingTankDeadlines {

	private static final Logger logger = LoggerFactory.getLogger(HoldingTankDeadlines.class);

	private final HoldingTanks holdingTanks;

	private final Clock clock = Clock.systemUTC();

	HoldingTankDeadlines(HoldingTanks holdingTanks) {
		this.holdingTanks = holdingTanks;
	}

	@Scheduled(fixedDelayString = "${treeline.genealogy.holding-tank-check:PT1M}",
			initialDelayString = "${treeline.genealogy.holding-tank-check:PT1M}")
	void placeOverdue() {
		try {
			List<Placement> placed = this.holdingTanks.placeOverdue(this.clock.instant());
			if (!placed.isEmpty()) {
				logger.info("Placed {} partners whose holding-tank deadline had passed", placed.size());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not place the partners whose holding-tank deadline passed; will try again", ex);
		}
	}

}
