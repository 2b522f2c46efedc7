package io.treeline.compensation.plan;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import io.treeline.compensation.PlanType;

/**
 * The validated rules of one plan version (domain.md §4): what the type of plan pays, the
 * activity threshold, the career ranks and the bonuses. Read from a version's JSON
 * document by {@link PlanDocument}.
 *
 * @param type the kind of plan
 * @param minPersonalPv the personal PV a partner needs in a period to be active (zero:
 * everyone is active)
 * @param payout what the type of plan pays
 * @param career the ranks, lowest first, and whether a rank once reached is kept
 * @param bonuses the bonuses combined with the plan
 */
public record PlanRules(PlanType type, BigDecimal minPersonalPv, Payout payout, Career career, Bonuses bonuses) {

	public PlanRules {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(minPersonalPv, "minPersonalPv");
		Objects.requireNonNull(payout, "payout");
		Objects.requireNonNull(career, "career");
		Objects.requireNonNull(bonuses, "bonuses");
	}

	/** What a type of plan pays. */
	public sealed interface Payout {

	}

	/**
	 * Unilevel with dynamic compression.
	 *
	 * @param levelRates rate of level 1, 2, ...
	 * @param levelsByRank how many levels a paid-as rank unlocks; empty: all levels for
	 * everyone
	 */
	public record Unilevel(List<BigDecimal> levelRates, Map<String, Integer> levelsByRank) implements Payout {

		public Unilevel {
			levelRates = List.copyOf(levelRates);
			levelsByRank = Map.copyOf(levelsByRank);
		}

	}

	/**
	 * Stair-step differential on the rates of the ranks, then the breakaway override.
	 *
	 * @param generationRates override of the first, second, ... top-rank partner above
	 * the one who exhausted the differential
	 */
	public record StairStep(List<BigDecimal> generationRates) implements Payout {

		public StairStep {
			generationRates = List.copyOf(generationRates);
		}

	}

	/**
	 * Binary on the weaker leg.
	 *
	 * @param rate rate on the weak leg's volume
	 * @param capPerPeriod most a partner earns per period, {@code null} for no cap (or
	 * for caps by rank)
	 * @param capsByRank most a partner earns per period by paid-as rank name; empty for
	 * one cap for everyone. A partner takes the cap of the highest listed rank at or
	 * below its paid-as rank; a partner below every listed rank earns no binary
	 * commission.
	 * @param maxCarry most volume carried per leg into the next period, {@code null} for
	 * no limit
	 */
	public record Binary(BigDecimal rate, BigDecimal capPerPeriod, Map<String, BigDecimal> capsByRank,
			BigDecimal maxCarry) implements Payout {

		public Binary {
			capsByRank = Map.copyOf(capsByRank);
		}

		/**
		 * Returns the cap of each paid-as rank.
		 * @param career the plan's career
		 * @return by rank position (lowest first), then one more for a partner without a
		 * rank; {@code null} where there is no cap
		 */
		public BigDecimal[] capsByRankPosition(Career career) {
			int ranks = career.ranks().size();
			BigDecimal[] caps = new BigDecimal[ranks + 1];
			if (this.capsByRank.isEmpty()) {
				Arrays.fill(caps, this.capPerPeriod);
				return caps;
			}
			BigDecimal cap = BigDecimal.ZERO.setScale(2);
			caps[ranks] = cap;
			for (int i = 0; i < ranks; i++) {
				cap = this.capsByRank.getOrDefault(career.ranks().get(i).name(), cap);
				caps[i] = cap;
			}
			return caps;
		}

	}

	/**
	 * Forced matrix.
	 *
	 * @param width children per partner
	 * @param depth levels paid
	 * @param levelRates rate of level 1 to {@code depth}
	 */
	public record Matrix(int width, int depth, List<BigDecimal> levelRates) implements Payout {

		public Matrix {
			levelRates = List.copyOf(levelRates);
		}

	}

	/**
	 * The career: ranks lowest first.
	 *
	 * @param mode whether a rank once reached is kept
	 * @param ranks the ranks, lowest first; may be empty
	 */
	public record Career(CareerMode mode, List<Rank> ranks) {

		public Career {
			Objects.requireNonNull(mode, "mode");
			ranks = List.copyOf(ranks);
		}

		/**
		 * Returns the position of a rank.
		 * @param name the rank's name
		 * @return 0 for the lowest rank, empty if there is none of that name
		 */
		public OptionalInt indexOf(String name) {
			for (int i = 0; i < this.ranks.size(); i++) {
				if (this.ranks.get(i).name().equals(name)) {
					return OptionalInt.of(i);
				}
			}
			return OptionalInt.empty();
		}

	}

	/** How a paid-as rank follows from the achieved ranks. */
	public enum CareerMode {

		/**
		 * A rank once reached is kept: paid-as is the higher of achieved and last
		 * paid-as.
		 */
		FIXED,

		/** Recomputed every period: paid-as is the achieved rank. */
		PERIODIC

	}

	/**
	 * A rank (Karrierestufe).
	 *
	 * @param name the rank's name as users read it
	 * @param rate its stair-step rate
	 * @param minPersonalPv personal PV needed in the period
	 * @param minGroupPv group PV needed in the period
	 * @param maxLegShare at most this share of {@code minGroupPv} may come from one leg,
	 * {@code null} for no leg rule
	 * @param advancementBonus paid once the first time the rank is achieved, {@code null}
	 * for none
	 */
	public record Rank(String name, BigDecimal rate, BigDecimal minPersonalPv, BigDecimal minGroupPv,
			BigDecimal maxLegShare, BigDecimal advancementBonus) {

	}

	/**
	 * Bonuses; each is {@code null} when the plan has none.
	 *
	 * @param fastStart fast-start bonus
	 * @param matching matching bonus
	 * @param pool pool bonus
	 */
	public record Bonuses(FastStart fastStart, Matching matching, Pool pool) {

	}

	/**
	 * A rate on the BV of orders of personally sponsored partners in their first days.
	 *
	 * @param rate the rate
	 * @param days the days after the partner's start during which orders count
	 */
	public record FastStart(BigDecimal rate, int days) {

	}

	/**
	 * A share of the commissions of the generations below.
	 *
	 * @param minRank the paid-as rank a receiver needs
	 * @param generationRates rate on generation 1, 2, ...
	 */
	public record Matching(String minRank, List<BigDecimal> generationRates) {

		public Matching {
			generationRates = List.copyOf(generationRates);
		}

	}

	/**
	 * A share of the company's BV of the period, split among qualifying partners.
	 *
	 * @param share the share of the company BV
	 * @param minRank the paid-as rank a partner needs to take part
	 * @param split equal shares or by personal PV
	 */
	public record Pool(BigDecimal share, String minRank, PoolSplit split) {

	}

	/** How a pool is split. */
	public enum PoolSplit {

		/** Every qualifying partner gets the same. */
		EQUAL,

		/** In proportion to each qualifying partner's personal PV. */
		POINTS

	}

}
