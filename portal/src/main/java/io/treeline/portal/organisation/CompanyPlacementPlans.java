package io.treeline.portal.organisation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.treeline.compensation.Plan;
import io.treeline.compensation.PlanVersion;
import io.treeline.compensation.Plans;
import io.treeline.graph.PlacementPlans;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The company's placement plans as the organisation import checks them, read from the
 * compensation plans: every binary plan, and every matrix plan with the width of its
 * newest version.
 */
@Component
public class CompanyPlacementPlans {

	private final Plans plans;

	private final JsonMapper json;

	CompanyPlacementPlans(Plans plans, JsonMapper json) {
		this.plans = plans;
		this.json = json;
	}

	/**
	 * Returns the placement plans as they are now.
	 * @return binary plans and matrix plans with their widths
	 */
	public PlacementPlans current() {
		Set<String> binary = new HashSet<>();
		Map<String, Integer> matrixWidths = new HashMap<>();
		for (Plan plan : this.plans.all()) {
			switch (plan.type()) {
				case BINARY -> binary.add(plan.name());
				case MATRIX -> matrixWidths.put(plan.name(), width(plan));
				default -> {
				}
			}
		}
		return new PlacementPlans(binary, matrixWidths);
	}

	private int width(Plan plan) {
		List<PlanVersion> versions = this.plans.versions(plan.name());
		// a matrix plan's versions are validated documents with a width of at least 1
		return this.json.readTree(versions.getLast().document()).path("width").asInt();
	}

}
