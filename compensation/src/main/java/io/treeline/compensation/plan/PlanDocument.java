package io.treeline.compensation.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.treeline.compensation.InvalidPlanException;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.plan.PlanRules.Binary;
import io.treeline.compensation.plan.PlanRules.Bonuses;
import io.treeline.compensation.plan.PlanRules.Career;
import io.treeline.compensation.plan.PlanRules.CareerMode;
import io.treeline.compensation.plan.PlanRules.FastStart;
import io.treeline.compensation.plan.PlanRules.Matching;
import io.treeline.compensation.plan.PlanRules.Matrix;
import io.treeline.compensation.plan.PlanRules.Payout;
import io.treeline.compensation.plan.PlanRules.Pool;
import io.treeline.compensation.plan.PlanRules.PoolSplit;
import io.treeline.compensation.plan.PlanRules.Rank;
import io.treeline.compensation.plan.PlanRules.StairStep;
import io.treeline.compensation.plan.PlanRules.Unilevel;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates the JSON document of a plan version. Every problem is collected
 * with the path of its field (e.g. {@code levelRates[1]}), so one refusal lists all of
 * them. Decimals may be written as JSON strings ({@code "0.10"}) or numbers and are read
 * exactly; unknown fields are refused, so a misspelt parameter is never silently ignored.
 */
public final class PlanDocument {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final Set<String> COMMON = Set.of("type", "minPersonalPv", "careerMode", "ranks", "fastStart",
			"matching", "pool");

	private static final Map<PlanType, Set<String>> FIELDS = Map.of(PlanType.UNILEVEL,
			Set.of("levelRates", "levelsByRank"), PlanType.STAIR_STEP, Set.of("generationRates"), PlanType.BINARY,
			Set.of("rate", "capPerPeriod", "maxCarry"), PlanType.MATRIX, Set.of("width", "depth", "levelRates"));

	private final List<String> problems = new ArrayList<>();

	private PlanDocument() {
	}

	/**
	 * Reads a document.
	 * @param document the JSON text
	 * @return the rules
	 * @throws InvalidPlanException listing every problem, each naming its field
	 */
	public static PlanRules read(String document) {
		return new PlanDocument().rules(document);
	}

	/**
	 * Reads a document and checks that it is of the plan's type.
	 * @param document the JSON text
	 * @param expected the plan's type
	 * @return the rules
	 * @throws InvalidPlanException listing every problem
	 */
	public static PlanRules read(String document, PlanType expected) {
		PlanRules rules = read(document);
		if (rules.type() != expected) {
			throw new InvalidPlanException(
					"type: the plan is " + expected + ", the document describes " + rules.type());
		}
		return rules;
	}

	private PlanRules rules(String document) {
		JsonNode root;
		try {
			root = (document != null) ? JSON.readTree(document) : null;
		}
		catch (JacksonException ex) {
			throw new InvalidPlanException("The plan document is not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new InvalidPlanException("The plan document must be a JSON object");
		}
		PlanType type = enumValue(root, "type", PlanType.class, null);
		if (type == null) {
			throw new InvalidPlanException(this.problems.isEmpty() ? List.of("type is required") : this.problems);
		}
		Set<String> known = new HashSet<>(COMMON);
		known.addAll(FIELDS.get(type));
		refuseUnknown(root, "", known);
		BigDecimal minPersonalPv = decimals(decimal(root, "minPersonalPv", "minPersonalPv", false, null), 4,
				"minPersonalPv");
		Career career = career(root);
		Payout payout = switch (type) {
			case UNILEVEL -> unilevel(root, career);
			case STAIR_STEP -> stairStep(root, career);
			case BINARY -> binary(root, career);
			case MATRIX -> matrix(root);
		};
		Bonuses bonuses = new Bonuses(fastStart(root), matching(root, career), pool(root, career));
		if (!this.problems.isEmpty()) {
			throw new InvalidPlanException(this.problems);
		}
		return new PlanRules(type, (minPersonalPv != null) ? minPersonalPv : BigDecimal.ZERO, payout, career, bonuses);
	}

	private Unilevel unilevel(JsonNode root, Career career) {
		List<BigDecimal> rates = rates(root, "levelRates", true);
		Map<String, Integer> levelsByRank = new LinkedHashMap<>();
		JsonNode levels = root.get("levelsByRank");
		if (levels != null) {
			if (!levels.isObject()) {
				problem("levelsByRank must be an object of rank names and numbers of levels");
			}
			else {
				for (Map.Entry<String, JsonNode> entry : levels.properties()) {
					String field = "levelsByRank." + entry.getKey();
					if (career.indexOf(entry.getKey()).isEmpty()) {
						problem(field + ": no rank is named '" + entry.getKey() + "'");
					}
					else if (!entry.getValue().isIntegralNumber() || entry.getValue().intValue() < 0
							|| entry.getValue().intValue() > rates.size()) {
						problem(field + " must be a whole number from 0 to " + rates.size());
					}
					else {
						levelsByRank.put(entry.getKey(), entry.getValue().intValue());
					}
				}
			}
		}
		return new Unilevel(rates, levelsByRank);
	}

	private StairStep stairStep(JsonNode root, Career career) {
		if (career.ranks().isEmpty() && root.has("ranks")) {
			problem("ranks: a stair-step plan needs at least one rank");
		}
		else if (!root.has("ranks")) {
			problem("ranks is required for a stair-step plan");
		}
		return new StairStep(root.has("generationRates") ? rates(root, "generationRates", false) : List.of());
	}

	private Binary binary(JsonNode root, Career career) {
		BigDecimal rate = rate(root.get("rate"), "rate", true);
		BigDecimal maxCarry = decimals(decimal(root, "maxCarry", "maxCarry", false, null), 4, "maxCarry");
		JsonNode caps = root.get("capPerPeriod");
		if (caps == null || !caps.isObject()) {
			return new Binary(rate,
					decimals(decimal(root, "capPerPeriod", "capPerPeriod", false, null), 2, "capPerPeriod"), Map.of(),
					maxCarry);
		}
		Map<String, BigDecimal> capsByRank = new LinkedHashMap<>();
		if (caps.isEmpty()) {
			problem("capPerPeriod must name at least one rank when it gives caps by rank");
		}
		for (Map.Entry<String, JsonNode> entry : caps.properties()) {
			String field = "capPerPeriod." + entry.getKey();
			if (career.indexOf(entry.getKey()).isEmpty()) {
				problem(field + ": no rank is named '" + entry.getKey() + "'");
				continue;
			}
			BigDecimal cap = decimals(decimal(caps, entry.getKey(), field, true, null), 2, field);
			if (cap != null) {
				capsByRank.put(entry.getKey(), cap);
			}
		}
		return new Binary(rate, null, capsByRank, maxCarry);
	}

	private Matrix matrix(JsonNode root) {
		int width = positiveInt(root, "width");
		int depth = positiveInt(root, "depth");
		List<BigDecimal> rates = rates(root, "levelRates", true);
		if (depth > 0 && !rates.isEmpty() && rates.size() != depth) {
			problem("levelRates must have one rate per level of the depth (" + depth + "), it has " + rates.size());
		}
		return new Matrix(width, depth, rates);
	}

	private Career career(JsonNode root) {
		CareerMode mode = enumValue(root, "careerMode", CareerMode.class, CareerMode.PERIODIC);
		List<Rank> ranks = new ArrayList<>();
		JsonNode list = root.get("ranks");
		if (list != null && !list.isArray()) {
			problem("ranks must be a list of ranks, lowest first");
		}
		else if (list != null) {
			Set<String> names = new HashSet<>();
			BigDecimal previousRate = BigDecimal.ZERO;
			for (int i = 0; i < list.size(); i++) {
				String path = "ranks[" + i + "]";
				JsonNode node = list.get(i);
				if (!node.isObject()) {
					problem(path + " must be an object");
					continue;
				}
				refuseUnknown(node, path + ".",
						Set.of("name", "rate", "minPersonalPv", "minGroupPv", "maxLegShare", "advancementBonus"));
				String name = text(node, "name", path + ".name");
				if (name != null && !names.add(name)) {
					problem(path + ".name: the rank '" + name + "' is named twice");
				}
				BigDecimal rate = node.has("rate") ? rate(node.get("rate"), path + ".rate", true) : BigDecimal.ZERO;
				if (rate != null && rate.compareTo(previousRate) < 0) {
					problem(path + ".rate must not be lower than the rate of the rank below (" + previousRate + ")");
				}
				previousRate = (rate != null) ? rate : previousRate;
				BigDecimal maxLegShare = node.has("maxLegShare")
						? rate(node.get("maxLegShare"), path + ".maxLegShare", true) : null;
				ranks.add(new Rank(name, (rate != null) ? rate : BigDecimal.ZERO,
						orZero(decimals(decimal(node, "minPersonalPv", path + ".minPersonalPv", false, null), 4,
								path + ".minPersonalPv")),
						orZero(decimals(decimal(node, "minGroupPv", path + ".minGroupPv", false, null), 4,
								path + ".minGroupPv")),
						maxLegShare,
						decimals(decimal(node, "advancementBonus", path + ".advancementBonus", false, null), 2,
								path + ".advancementBonus")));
			}
		}
		return new Career(mode, ranks);
	}

	private FastStart fastStart(JsonNode root) {
		JsonNode node = root.get("fastStart");
		if (node == null) {
			return null;
		}
		if (!node.isObject()) {
			problem("fastStart must be an object with rate and days");
			return null;
		}
		refuseUnknown(node, "fastStart.", Set.of("rate", "days"));
		return new FastStart(rate(node.get("rate"), "fastStart.rate", true),
				positiveInt(node, "days", "fastStart.days"));
	}

	private Matching matching(JsonNode root, Career career) {
		JsonNode node = root.get("matching");
		if (node == null) {
			return null;
		}
		if (!node.isObject()) {
			problem("matching must be an object with minRank and generationRates");
			return null;
		}
		refuseUnknown(node, "matching.", Set.of("minRank", "generationRates"));
		String minRank = rankName(node, "matching.minRank", career);
		return new Matching(minRank, rates(node, "generationRates", "matching.generationRates", true));
	}

	private Pool pool(JsonNode root, Career career) {
		JsonNode node = root.get("pool");
		if (node == null) {
			return null;
		}
		if (!node.isObject()) {
			problem("pool must be an object with share, minRank and split");
			return null;
		}
		refuseUnknown(node, "pool.", Set.of("share", "minRank", "split"));
		return new Pool(rate(node.get("share"), "pool.share", true), rankName(node, "pool.minRank", career),
				enumValue(node, "split", "pool.split", PoolSplit.class, PoolSplit.EQUAL));
	}

	private String rankName(JsonNode node, String path, Career career) {
		String name = text(node, "minRank", path);
		if (name != null && career.indexOf(name).isEmpty()) {
			problem(path + ": no rank is named '" + name + "'");
		}
		return name;
	}

	private List<BigDecimal> rates(JsonNode root, String field, boolean required) {
		return rates(root, field, field, required);
	}

	private List<BigDecimal> rates(JsonNode root, String field, String path, boolean required) {
		JsonNode list = root.get(field);
		if (list == null || !list.isArray() || (required && list.isEmpty())) {
			if (list != null || required) {
				problem(path + " must be a list of at least one rate, e.g. [\"0.10\", \"0.05\"]");
			}
			return List.of();
		}
		List<BigDecimal> rates = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			BigDecimal rate = rate(list.get(i), path + "[" + i + "]", true);
			rates.add((rate != null) ? rate : BigDecimal.ZERO);
		}
		return rates;
	}

	private BigDecimal rate(JsonNode node, String path, boolean required) {
		BigDecimal rate = decimals(decimal(node, path, required), 8, path);
		if (rate != null && rate.compareTo(BigDecimal.ONE) > 0) {
			problem(path + " must be a fraction from 0 to 1, e.g. \"0.10\" for 10% (got " + rate.toPlainString() + ")");
			return null;
		}
		return rate;
	}

	private BigDecimal decimal(JsonNode parent, String field, String path, boolean required, BigDecimal absent) {
		JsonNode node = parent.get(field);
		return (node == null && !required) ? absent : decimal(node, path, required);
	}

	private BigDecimal decimal(JsonNode node, String path, boolean required) {
		if (node == null || node.isNull()) {
			if (required) {
				problem(path + " is required");
			}
			return null;
		}
		BigDecimal value = null;
		if (node.isNumber()) {
			value = node.decimalValue();
		}
		else if (node.isString()) {
			try {
				value = new BigDecimal(node.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				value = null;
			}
		}
		if (value == null) {
			problem(path + " must be a decimal number such as \"0.10\" (got " + node + ")");
			return null;
		}
		if (value.signum() < 0) {
			problem(path + " must not be negative (got " + value.toPlainString() + ")");
			return null;
		}
		return value;
	}

	/**
	 * Refuses more decimals than the stores keep: volumes four, money two, rates eight.
	 */
	private BigDecimal decimals(BigDecimal value, int most, String path) {
		if (value != null && value.stripTrailingZeros().scale() > most) {
			problem(path + " has at most " + most + " decimals (got " + value.toPlainString() + ")");
			return null;
		}
		return value;
	}

	private int positiveInt(JsonNode parent, String field) {
		return positiveInt(parent, field, field);
	}

	private int positiveInt(JsonNode parent, String field, String path) {
		JsonNode node = parent.get(field);
		if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
			problem(path + " must be a whole number of at least 1" + ((node != null) ? " (got " + node + ")" : ""));
			return 0;
		}
		return node.intValue();
	}

	private String text(JsonNode parent, String field, String path) {
		JsonNode node = parent.get(field);
		if (node == null || !node.isString() || node.stringValue().isBlank()) {
			problem(path + " is required and must be a text");
			return null;
		}
		return node.stringValue().strip();
	}

	private <E extends Enum<E>> E enumValue(JsonNode parent, String field, Class<E> type, E absent) {
		return enumValue(parent, field, field, type, absent);
	}

	private <E extends Enum<E>> E enumValue(JsonNode parent, String field, String path, Class<E> type, E absent) {
		JsonNode node = parent.get(field);
		if (node == null) {
			return absent;
		}
		List<String> allowed = new ArrayList<>();
		for (E constant : type.getEnumConstants()) {
			allowed.add(constant.name());
			if (node.isString() && constant.name().equals(node.stringValue().strip().toUpperCase(Locale.ROOT))) {
				return constant;
			}
		}
		problem(path + " must be one of " + String.join(", ", allowed) + " (got " + node + ")");
		return absent;
	}

	private void refuseUnknown(JsonNode node, String prefix, Set<String> known) {
		for (String name : node.propertyNames()) {
			if (!known.contains(name)) {
				problem(prefix + name + " is not a parameter of this plan type; known are "
						+ String.join(", ", known.stream().sorted().toList()));
			}
		}
	}

	private static BigDecimal orZero(BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

	private void problem(String problem) {
		this.problems.add(problem);
	}

}
