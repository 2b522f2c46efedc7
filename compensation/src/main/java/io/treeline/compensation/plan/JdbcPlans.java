package io.treeline.compensation.plan;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.treeline.compensation.CompanySettings;
import io.treeline.compensation.InvalidPlanException;
import io.treeline.compensation.PeriodLength;
import io.treeline.compensation.Plan;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.PlanVersion;
import io.treeline.compensation.Plans;
import io.treeline.compensation.period.PeriodCalendar;
import io.treeline.compensation.store.CompensationTransactional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link Plans} in the tables {@code plans} and {@code plan_versions}; the database
 * refuses any update or delete of a version.
 */
@Component
class JdbcPlans implements Plans {

	private final JdbcClient jdbc;

	private final CompanySettings company;

	JdbcPlans(JdbcClient jdbc, CompanySettings company) {
		this.jdbc = jdbc;
		this.company = company;
	}

	@Override
	@CompensationTransactional
	public PlanVersion create(Plan plan, LocalDate effectiveFrom, String document) {
		requireDate(effectiveFrom);
		PlanDocument.read(document, plan.type());
		String firstPeriod = new PeriodCalendar(plan.periodLength(), this.company.timeZone())
			.canonical(plan.firstPeriod());
		int created = this.jdbc.sql("""
				insert into plans (name, type, period_length, first_period)
				values (:name, :type, :periodLength, :firstPeriod)
				on conflict (name) do nothing
				""")
			.param("name", plan.name())
			.param("type", plan.type().name())
			.param("periodLength", plan.periodLength().name())
			.param("firstPeriod", firstPeriod)
			.update();
		if (created == 0) {
			throw new InvalidPlanException("name: a plan named '" + plan.name() + "' exists already");
		}
		return insertVersion(plan.name(), effectiveFrom, document);
	}

	@Override
	@CompensationTransactional
	public PlanVersion addVersion(String plan, LocalDate effectiveFrom, String document) {
		requireDate(effectiveFrom);
		Plan existing = lock(plan);
		PlanDocument.read(document, existing.type());
		Optional<Instant> closedUntil = this.jdbc
			.sql("select max(ends_at) from commission_runs r join plans p on p.id = r.plan_id where p.name = :plan")
			.param("plan", plan)
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
		Instant takesEffect = effectiveFrom.atStartOfDay(this.company.timeZone()).toInstant();
		if (closedUntil.isPresent() && takesEffect.isBefore(closedUntil.get())) {
			throw new InvalidPlanException("effectiveFrom: " + effectiveFrom + " lies in a closed period of plan '"
					+ plan + "'; the earliest possible date is "
					+ LocalDate.ofInstant(closedUntil.get(), this.company.timeZone()));
		}
		return insertVersion(plan, effectiveFrom, document);
	}

	private static void requireDate(LocalDate effectiveFrom) {
		if (effectiveFrom == null) {
			throw new InvalidPlanException("effectiveFrom is required");
		}
	}

	private PlanVersion insertVersion(String plan, LocalDate effectiveFrom, String document) {
		return this.jdbc.sql("""
				insert into plan_versions (plan_id, version, effective_from, document)
				select p.id, coalesce((select max(v.version) from plan_versions v where v.plan_id = p.id), 0) + 1,
				       :effectiveFrom, cast(:document as jsonb)
				from plans p where p.name = :plan
				returning version
				""")
			.param("plan", plan)
			.param("effectiveFrom", Date.valueOf(effectiveFrom))
			.param("document", document)
			.query((rs, row) -> new PlanVersion(plan, rs.getInt(1), effectiveFrom, document))
			.single();
	}

	private Plan lock(String plan) {
		return this.jdbc.sql("select name, type, period_length, first_period from plans where name = :plan for update")
			.param("plan", plan)
			.query(JdbcPlans::plan)
			.optional()
			.orElseThrow(() -> new InvalidPlanException("plan: there is no plan named '" + plan + "'"));
	}

	@Override
	public List<Plan> all() {
		return this.jdbc.sql("select name, type, period_length, first_period from plans order by name")
			.query(JdbcPlans::plan)
			.list();
	}

	@Override
	public Optional<Plan> find(String name) {
		return this.jdbc.sql("select name, type, period_length, first_period from plans where name = :name")
			.param("name", name)
			.query(JdbcPlans::plan)
			.optional();
	}

	@Override
	public List<PlanVersion> versions(String plan) {
		return this.jdbc.sql("""
				select v.version, v.effective_from, v.document::text as document
				from plan_versions v join plans p on p.id = v.plan_id
				where p.name = :plan order by v.version
				""").param("plan", plan).query((rs, row) -> version(plan, rs)).list();
	}

	@Override
	public Optional<PlanVersion> inForce(String plan, Instant at) {
		LocalDate day = LocalDate.ofInstant(at, this.company.timeZone());
		return this.jdbc.sql("""
				select v.version, v.effective_from, v.document::text as document
				from plan_versions v join plans p on p.id = v.plan_id
				where p.name = :plan and v.effective_from <= :day
				order by v.effective_from desc, v.version desc limit 1
				""")
			.param("plan", plan)
			.param("day", Date.valueOf(day))
			.query((rs, row) -> version(plan, rs))
			.optional();
	}

	private static PlanVersion version(String plan, ResultSet rs) throws SQLException {
		return new PlanVersion(plan, rs.getInt("version"), rs.getDate("effective_from").toLocalDate(),
				rs.getString("document"));
	}

	private static Plan plan(ResultSet rs, int row) throws SQLException {
		return new Plan(rs.getString("name"), PlanType.valueOf(rs.getString("type")),
				PeriodLength.valueOf(rs.getString("period_length")), rs.getString("first_period"));
	}

}
