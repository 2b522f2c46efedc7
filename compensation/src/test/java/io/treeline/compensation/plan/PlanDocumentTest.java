package io.treeline.compensation.plan;

import java.math.BigDecimal;

import io.treeline.compensation.InvalidPlanException;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.plan.PlanRules.CareerMode;
import io.treeline.compensation.plan.PlanRules.Unilevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlanDocumentTest {

	@Test
	void readsTheUnilevelExampleOfTheIssueExactly() {
		PlanRules rules = PlanDocument.read("""
				{"type":"UNILEVEL","levelRates":["0.10","0.05","0.02"],"minPersonalPv":"50"}""");
		assertThat(rules.type()).isEqualTo(PlanType.UNILEVEL);
		assertThat(rules.minPersonalPv()).isEqualByComparingTo("50");
		assertThat(((Unilevel) rules.payout()).levelRates()).containsExactly(new BigDecimal("0.10"),
				new BigDecimal("0.05"), new BigDecimal("0.02"));
		assertThat(rules.career().mode()).isEqualTo(CareerMode.PERIODIC);
	}

	@Test
	void readsDecimalsWrittenAsJsonNumbersWithoutLosingPrecision() {
		PlanRules rules = PlanDocument.read("""
				{"type":"UNILEVEL","levelRates":[0.1, 0.035]}""");
		assertThat(((Unilevel) rules.payout()).levelRates()).containsExactly(new BigDecimal("0.1"),
				new BigDecimal("0.035"));
	}

	@Test
	void namesEveryInvalidFieldInOneRefusal() {
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> PlanDocument.read("""
				{"type":"UNILEVEL","levelRates":["0.10","1.5","x"],"minPersonalPv":"-1","levelRate":["0.1"]}"""))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactlyInAnyOrder(
					"levelRate is not a parameter of this plan type; known are careerMode, fastStart, levelRates, "
							+ "levelsByRank, matching, minPersonalPv, pool, ranks, type",
					"minPersonalPv must not be negative (got -1)",
					"levelRates[1] must be a fraction from 0 to 1, e.g. \"0.10\" for 10% (got 1.5)",
					"levelRates[2] must be a decimal number such as \"0.10\" (got \"x\")"));
	}

	@Test
	void refusesRanksOutOfOrderAndBonusesThatNameUnknownRanks() {
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> PlanDocument.read("""
				{"type":"STAIR_STEP","ranks":[{"name":"Teamleiter","rate":"0.10"},{"name":"Berater","rate":"0.05"}],
				 "pool":{"share":"0.01","minRank":"Direktor"}}"""))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"ranks[1].rate must not be lower than the rate of the rank below (0.10)",
					"pool.minRank: no rank is named 'Direktor'"));
	}

	@Test
	void requiresTheParametersOfEachType() {
		assertThatExceptionOfType(InvalidPlanException.class)
			.isThrownBy(() -> PlanDocument.read("{\"type\":\"MATRIX\",\"width\":2,\"levelRates\":[\"0.1\"]}"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly("depth must be a whole number of at least 1"));
		assertThatExceptionOfType(InvalidPlanException.class)
			.isThrownBy(() -> PlanDocument.read("{\"type\":\"BINARY\"}"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly("rate is required"));
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> PlanDocument.read("{\"type\":\"FLAT\"}"))
			.withMessageContaining("type must be one of UNILEVEL, STAIR_STEP, BINARY, MATRIX");
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> PlanDocument.read("[1]"))
			.withMessage("The plan document must be a JSON object");
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> PlanDocument.read("{\"type\":"))
			.withMessageStartingWith("The plan document is not valid JSON");
	}

	@Test
	void refusesMoreDecimalsThanTheStoresKeep() {
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> PlanDocument.read("""
				{"type":"BINARY","rate":"0.123456789","minPersonalPv":"50.00001","capPerPeriod":"10.005"}"""))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactlyInAnyOrder(
					"rate has at most 8 decimals (got 0.123456789)",
					"minPersonalPv has at most 4 decimals (got 50.00001)",
					"capPerPeriod has at most 2 decimals (got 10.005)"));
	}

	@Test
	void refusesADocumentOfAnotherTypeThanThePlan() {
		assertThatExceptionOfType(InvalidPlanException.class)
			.isThrownBy(() -> PlanDocument.read("{\"type\":\"BINARY\",\"rate\":\"0.1\"}", PlanType.UNILEVEL))
			.withMessage("type: the plan is UNILEVEL, the document describes BINARY");
	}

	@Test
	void readsBinaryCapsByRankAndNamesUnknownRanksAndBadAmounts() {
		PlanRules rules = PlanDocument.read("""
				{"type":"BINARY","rate":"0.10","capPerPeriod":{"Gold":"25.00","Silver":20},
				 "ranks":[{"name":"Starter"},{"name":"Silver"},{"name":"Gold"},{"name":"Diamond"}]}""");
		PlanRules.Binary binary = (PlanRules.Binary) rules.payout();
		assertThat(binary.capPerPeriod()).isNull();
		assertThat(binary.capsByRankPosition(rules.career())).containsExactly(new BigDecimal("0.00"),
				new BigDecimal("20"), new BigDecimal("25.00"), new BigDecimal("25.00"), new BigDecimal("0.00"));
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> PlanDocument.read("""
				{"type":"BINARY","rate":"0.10","capPerPeriod":{"Platin":"25.00","Gold":"1.005","Silver":null},
				 "ranks":[{"name":"Silver"},{"name":"Gold"}]}"""))
			.satisfies(
					(ex) -> assertThat(ex.problems()).containsExactly("capPerPeriod.Platin: no rank is named 'Platin'",
							"capPerPeriod.Gold has at most 2 decimals (got 1.005)", "capPerPeriod.Silver is required"));
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> PlanDocument.read("""
				{"type":"BINARY","rate":"0.10","capPerPeriod":{}}"""))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("capPerPeriod must name at least one rank when it gives caps by rank"));
	}

	@Test
	void oneCapForEveryoneWhetherRankedOrNot() {
		PlanRules rules = PlanDocument.read("""
				{"type":"BINARY","rate":"0.10","capPerPeriod":"30.00","ranks":[{"name":"Starter"}]}""");
		assertThat(((PlanRules.Binary) rules.payout()).capsByRankPosition(rules.career()))
			.containsExactly(new BigDecimal("30.00"), new BigDecimal("30.00"));
	}

}
