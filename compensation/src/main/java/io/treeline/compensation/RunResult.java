package io.treeline.compensation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.treeline.compensation.calculation.PartnerResults;
import io.treeline.graph.PartnerNumber;

/**
 * The result of computing one period of one plan: a preview or a closed run.
 *
 * @param period the period
 * @param closed whether this is the closed (final, posted) result
 * @param lines every commission line (in columns; see {@link CommissionLineList}), in the
 * order computed (which depends only on the data: events by instant and id, partners by
 * number)
 * @param results what each partner reached
 * @param total the sum of all lines
 * @param hash SHA-256 of the lines and results in a canonical text form: the same inputs
 * give the same hash in any time zone, locale or thread count
 */
public record RunResult(Period period, boolean closed, CommissionLineList lines, List<PartnerResult> results,
		BigDecimal total, String hash) {

	public RunResult {
		// computed results are an immutable view of arrays; copying would make an object
		// per partner
		results = (results instanceof PartnerResults) ? results : List.copyOf(results);
	}

	/**
	 * Returns the sum of the lines of each partner who has lines.
	 * @return amounts by partner
	 */
	public Map<PartnerNumber, BigDecimal> amountsByPartner() {
		return this.lines.amountsByPartner();
	}

}
