package io.treeline.portal.compensation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionRuns;
import io.treeline.compensation.InvalidPlanException;
import io.treeline.compensation.Ledger;
import io.treeline.compensation.LedgerEntry;
import io.treeline.compensation.PartnerResult;
import io.treeline.compensation.Period;
import io.treeline.compensation.PeriodLength;
import io.treeline.compensation.Plan;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.PlanVersion;
import io.treeline.compensation.Plans;
import io.treeline.compensation.RunProgress;
import io.treeline.compensation.RunResult;
import io.treeline.graph.PartnerNumber;
import io.treeline.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The plans, commission runs and ledger of the GraphQL API
 * ({@code compensation.graphqls}). Refused changes come back as typed errors in the
 * payload, each naming its input field; a query with a wrong plan or period is answered
 * with a {@code BAD_REQUEST} error. What shows other partners' money or changes anything
 * is for staff only, checked on each method so that a future partner role with access to
 * {@code /graphql} is refused.
 */
@Controller
class CompensationGraphQlController {

	private static final Map<String, String> CREATE_PLAN_FIELDS = Map.of("name", "name", "period", "firstPeriod",
			"effectiveFrom", "effectiveFrom");

	private static final Map<String, String> CREATE_VERSION_FIELDS = Map.of("plan", "plan", "effectiveFrom",
			"effectiveFrom");

	private static final Map<String, String> CLOSE_RUN_FIELDS = Map.of("plan", "plan", "period", "period");

	private final Plans plans;

	private final CommissionRuns runs;

	private final Ledger ledger;

	CompensationGraphQlController(Plans plans, CommissionRuns runs, Ledger ledger) {
		this.plans = plans;
		this.runs = runs;
		this.ledger = ledger;
	}

	@QueryMapping
	public List<Plan> plans() {
		return this.plans.all();
	}

	@QueryMapping
	public Plan plan(@Argument String name) {
		return this.plans.find(name).orElse(null);
	}

	@QueryMapping
	public List<Period> periods(@Argument String plan) {
		return read(() -> this.runs.periods(plan));
	}

	@QueryMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public List<RunProgress> runStatus() {
		return this.runs.running();
	}

	@SchemaMapping(typeName = "RunProgress")
	public List<RunPhase> phases(RunProgress progress) {
		return progress.phaseMillis()
			.entrySet()
			.stream()
			.map((phase) -> new RunPhase(phase.getKey(), Math.toIntExact(phase.getValue())))
			.toList();
	}

	/**
	 * One finished phase of a computation.
	 *
	 * @param name load, compute or write
	 * @param millis milliseconds
	 */
	record RunPhase(String name, int millis) {
	}

	@QueryMapping
	public List<CommissionLine> commissions(@Argument String partner, @Argument String plan, @Argument String period) {
		return read(() -> this.runs.commissions(PartnerNumber.of(partner), plan, period));
	}

	@QueryMapping
	public List<CareerStep> careerHistory(@Argument String partner, @Argument String plan) {
		return read(() -> this.runs.careerHistory(PartnerNumber.of(partner), plan)).stream()
			.map((step) -> new CareerStep(step.period(), step.result().achievedRank(), step.result().paidAsRank(),
					step.result().highestRank(), step.result().personalPv(), step.result().groupPv(),
					step.result().active()))
			.toList();
	}

	@QueryMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public LedgerAccount ledger(@Argument String partner) {
		PartnerNumber number = PartnerNumber.of(partner);
		List<Money> balances = new TreeMap<>(this.ledger.commissionPayable(number)).entrySet()
			.stream()
			.map((balance) -> new Money(balance.getValue(), balance.getKey()))
			.toList();
		return new LedgerAccount(number.value(), Ledger.payableAccount(number), balances, this.ledger.entries(number));
	}

	@QueryMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public RunResult previewRun(@Argument String plan, @Argument String period) {
		return read(() -> this.runs.preview(plan, period));
	}

	@QueryMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public RunResult closedRun(@Argument String plan, @Argument String period) {
		return read(() -> this.runs.closed(plan, period).orElse(null));
	}

	@MutationMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public CreatePlanPayload createPlan(@Argument CreatePlanInput input) {
		Plan plan;
		try {
			plan = new Plan(input.name(), input.type(), input.periodLength(), input.firstPeriod());
		}
		catch (IllegalArgumentException ex) {
			return new CreatePlanPayload(null, null, List.of(CompensationError.invalidInput("name", ex.getMessage())));
		}
		try {
			PlanVersion version = this.plans.create(plan, input.effectiveFrom(), input.document());
			return new CreatePlanPayload(this.plans.find(plan.name()).orElse(plan), version, List.of());
		}
		catch (InvalidPlanException ex) {
			return new CreatePlanPayload(null, null, CompensationError.of(ex, CREATE_PLAN_FIELDS, true));
		}
	}

	@MutationMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public CreatePlanVersionPayload createPlanVersion(@Argument CreatePlanVersionInput input) {
		try {
			return new CreatePlanVersionPayload(
					this.plans.addVersion(input.plan(), input.effectiveFrom(), input.document()), List.of());
		}
		catch (InvalidPlanException ex) {
			return new CreatePlanVersionPayload(null, CompensationError.of(ex, CREATE_VERSION_FIELDS, true));
		}
	}

	@MutationMapping
	@RolesAllowed({ Roles.ADMIN, Roles.STAFF })
	public CloseRunPayload closeRun(@Argument CloseRunInput input) {
		try {
			return new CloseRunPayload(this.runs.close(input.plan(), input.period()), List.of());
		}
		catch (InvalidPlanException ex) {
			return new CloseRunPayload(null, CompensationError.of(ex, CLOSE_RUN_FIELDS, false));
		}
	}

	@SchemaMapping(typeName = "Plan")
	public List<PlanVersion> versions(Plan plan) {
		return this.plans.versions(plan.name());
	}

	@SchemaMapping(typeName = "PlanVersion")
	public int number(PlanVersion version) {
		return version.version();
	}

	@SchemaMapping(typeName = "RunResult")
	public int lineCount(RunResult run) {
		return run.lines().size();
	}

	@SchemaMapping(typeName = "RunResult")
	public List<CommissionLine> lines(RunResult run, @Argument String partner) {
		if (partner == null) {
			return run.lines();
		}
		PartnerNumber number = PartnerNumber.of(partner);
		return run.lines().stream().filter((line) -> line.partner().equals(number)).toList();
	}

	@SchemaMapping(typeName = "RunResult")
	public List<PartnerResult> results(RunResult run, @Argument String partner) {
		if (partner == null) {
			return run.results();
		}
		PartnerNumber number = PartnerNumber.of(partner);
		return run.results().stream().filter((result) -> result.partner().equals(number)).toList();
	}

	@SchemaMapping(typeName = "LedgerEntry")
	public String key(LedgerEntry entry) {
		return entry.idempotencyKey();
	}

	/**
	 * Reads, reporting an unknown plan or a wrong period as bad input.
	 */
	private static <T> T read(Supplier<T> query) {
		try {
			return query.get();
		}
		catch (InvalidPlanException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	record CareerStep(Period period, String achievedRank, String paidAsRank, String highestRank, BigDecimal personalPv,
			BigDecimal groupPv, boolean active) {
	}

	record LedgerAccount(String partner, String account, List<Money> balances, List<LedgerEntry> entries) {
	}

	record Money(BigDecimal amount, String currency) {
	}

	record CreatePlanInput(String name, PlanType type, PeriodLength periodLength, String firstPeriod,
			LocalDate effectiveFrom, String document) {
	}

	record CreatePlanPayload(Plan plan, PlanVersion version, List<CompensationError> errors) {
	}

	record CreatePlanVersionInput(String plan, LocalDate effectiveFrom, String document) {
	}

	record CreatePlanVersionPayload(PlanVersion version, List<CompensationError> errors) {
	}

	record CloseRunInput(String plan, String period) {
	}

	record CloseRunPayload(RunResult run, List<CompensationError> errors) {
	}

}
