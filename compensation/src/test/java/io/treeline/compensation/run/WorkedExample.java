package io.treeline.compensation.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.treeline.compensation.CommissionRuns;
import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.compensation.Orders;
import io.treeline.compensation.PartnerResult;
import io.treeline.compensation.PeriodLength;
import io.treeline.compensation.Plan;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.Plans;
import io.treeline.compensation.RunResult;
import io.treeline.graph.Leg;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Placement;
import io.treeline.graph.Sponsorship;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a worked example of domain.md from its data file through the public services: the
 * organisation goes in through the organisation loader, plans through {@link Plans},
 * orders, payments and returns through {@link Orders}, and every expected figure is read
 * from a preview or a closed run of {@link CommissionRuns}.
 * <p>
 * Partners and orders are named in the file; partner numbers get the file's name as a
 * prefix so that examples share one database. Dates are noon in Berlin.
 */
final class WorkedExample {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocalDate JOINED = LocalDate.parse("2025-11-01");

	private final String name;

	private final List<String> script;

	private final OrganisationLoader loader;

	private final Plans plans;

	private final Orders orders;

	private final CommissionRuns runs;

	private final List<Partner> partners = new ArrayList<>();

	private final List<Sponsorship> sponsorships = new ArrayList<>();

	private final List<Placement> placements = new ArrayList<>();

	private boolean loaded;

	private String plan;

	private final List<String> checked = new ArrayList<>();

	WorkedExample(Path file, OrganisationLoader loader, Plans plans, Orders orders, CommissionRuns runs) {
		this.name = file.getFileName().toString().replace(".example", "");
		try {
			this.script = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.loader = loader;
		this.plans = plans;
		this.orders = orders;
		this.runs = runs;
	}

	/**
	 * Plays the script.
	 * @return the checks made, one line each
	 */
	List<String> play() {
		int lineNo = 0;
		for (String line : this.script) {
			lineNo++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			try {
				step(line.strip().split("\\s+"), line);
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError(this.name + ".example line " + lineNo + " (" + line + "): " + ex.getMessage(),
						ex);
			}
		}
		return this.checked;
	}

	private void step(String[] word, String line) {
		switch (word[0]) {
			case "partners" -> Arrays.stream(word)
				.skip(1)
				.forEach((p) -> this.partners.add(new Partner(number(p), p, this.name, null, null, "DE", "de",
						PartnerStatus.ACTIVE, noon(JOINED.toString()))));
			case "joined" ->
				this.partners.replaceAll((p) -> p.number().equals(number(word[1])) ? new Partner(p.number(),
						p.firstName(), p.lastName(), null, null, "DE", "de", p.status(), noon(word[2])) : p);
			case "sponsor" -> this.sponsorships.add(new Sponsorship(number(word[1]), number(word[2]),
					option(word, "from").map(WorkedExample::noon).orElse(joinedAt(word[1])),
					option(word, "until").map(WorkedExample::noon).orElse(null)));
			case "place" -> this.placements.add(new Placement(number(word[1]), number(word[2]), this.plan,
					(word.length > 3) ? Leg.valueOf(word[3]) : null, joinedAt(word[1]), null));
			case "plan" -> {
				this.plan = word[1];
				this.plans.create(new Plan(word[1], PlanType.valueOf(word[2]), PeriodLength.valueOf(word[3]), word[4]),
						LocalDate.parse(word[5]), json(line));
			}
			case "version" -> this.plans.addVersion(this.plan, LocalDate.parse(word[1]), json(line));
			case "with" -> this.plan = word[1];
			case "order" -> {
				load();
				List<OrderLine> lines = new ArrayList<>();
				for (String part : word[3].split("\\+")) {
					BigDecimal volume = new BigDecimal(part);
					lines.add(new OrderLine("ART-" + (lines.size() + 1), BigDecimal.ONE, volume, new BigDecimal("0.19"),
							volume, volume));
				}
				this.orders.record(new NewOrder(word[1], number(word[2]), noon(word[4]), "EUR", lines));
				if (word.length < 6 || !"unpaid".equals(word[5])) {
					this.orders.markPaid(word[1], noon(word[4]));
				}
			}
			case "pay" -> this.orders.markPaid(word[1], noon(word[2]));
			case "return" ->
				this.orders.recordReturn(word[1], returned(word), noon(word[2]), "storno-" + word[1] + "-" + word[2]);
			case "close" -> {
				load();
				this.runs.close(this.plan, word[1]);
			}
			case "expect" -> expectAmounts(word);
			case "rank" -> expectResults(word, "paid-as rank", PartnerResult::paidAsRank);
			case "pv" -> expectResults(word, "personal PV",
					(result) -> result.personalPv().stripTrailingZeros().toPlainString());
			case "carry" -> expectCarry(word);
			default -> throw new IllegalArgumentException("Unknown step " + word[0]);
		}
	}

	private static OrderReturn returned(String[] word) {
		if (word.length > 4 && "lines".equals(word[3])) {
			return new OrderReturn.Lines(Arrays.stream(word).skip(4).map(Integer::valueOf).toList());
		}
		return (word.length > 3) ? new OrderReturn.Share(new BigDecimal(word[3])) : new OrderReturn.Whole();
	}

	private Instant joinedAt(String partner) {
		return this.partners.stream()
			.filter((p) -> p.number().equals(number(partner)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Partner " + partner + " is not declared"))
			.joinedAt();
	}

	private void expectAmounts(String[] word) {
		RunResult result = result(word[1]);
		Map<PartnerNumber, BigDecimal> amounts = new HashMap<>(result.amountsByPartner());
		for (int i = 2; i < word.length; i += 2) {
			BigDecimal actual = Optional.ofNullable(amounts.remove(number(word[i]))).orElse(BigDecimal.ZERO);
			assertThat(actual).as("%s of %s in %s %s", "commission", word[i], this.plan, word[1])
				.isEqualByComparingTo(word[i + 1]);
			this.checked.add(this.plan + " " + word[1] + " " + word[i] + " " + actual);
		}
		assertThat(amounts).as("commissions of partners the example does not name").isEmpty();
	}

	private void expectResults(String[] word, String what,
			java.util.function.Function<PartnerResult, String> property) {
		RunResult result = result(word[1]);
		for (int i = 2; i < word.length; i += 2) {
			PartnerNumber partner = number(word[i]);
			String actual = result.results()
				.stream()
				.filter((r) -> r.partner().equals(partner))
				.findFirst()
				.map(property)
				.orElse(null);
			assertThat(actual).as("%s of %s in %s %s", what, word[i], this.plan, word[1]).isEqualTo(word[i + 1]);
			this.checked.add(this.plan + " " + word[1] + " " + word[i] + " " + what + " " + actual);
		}
	}

	private void expectCarry(String[] word) {
		RunResult result = result(word[1]);
		for (int i = 2; i < word.length; i += 3) {
			PartnerNumber partner = number(word[i]);
			PartnerResult found = result.results()
				.stream()
				.filter((r) -> r.partner().equals(partner))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no result for " + partner));
			assertThat(found.carryLeft()).as("left carry of %s", word[i]).isEqualByComparingTo(word[i + 1]);
			assertThat(found.carryRight()).as("right carry of %s", word[i]).isEqualByComparingTo(word[i + 2]);
			this.checked.add(this.plan + " " + word[1] + " " + word[i] + " carry " + found.carryLeft() + "/"
					+ found.carryRight());
		}
	}

	private RunResult result(String period) {
		load();
		return this.runs.closed(this.plan, period).orElseGet(() -> this.runs.preview(this.plan, period));
	}

	private void load() {
		if (!this.loaded) {
			this.loader.load(new Organisation(this.partners, this.sponsorships, this.placements));
			this.loaded = true;
		}
	}

	private PartnerNumber number(String partner) {
		return PartnerNumber.of(this.name + "-" + partner);
	}

	private static Optional<String> option(String[] word, String name) {
		for (int i = 0; i < word.length - 1; i++) {
			if (word[i].equals(name)) {
				return Optional.of(word[i + 1]);
			}
		}
		return Optional.empty();
	}

	private static String json(String line) {
		return line.substring(line.indexOf('{'));
	}

	static Instant noon(String date) {
		return LocalDate.parse(date).atTime(12, 0).atZone(BERLIN).toInstant();
	}

}
