package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.PartnerResult;
import io.treeline.graph.PartnerNumber;

/**
 * The fingerprint of a run's result: SHA-256 over the lines and results written in a
 * canonical text (fixed decimal scales, no locale or time zone) in the order they were
 * computed, which depends only on the data (events by instant and id, partners by
 * number), so equal results give equal hashes on any machine.
 */
final class RunHash {

	private RunHash() {
	}

	static String of(List<CommissionLine> lines, List<PartnerResult> results) {
		MessageDigest digest = sha256();
		for (CommissionLine line : lines) {
			update(digest, line.partner(), line.component(), line.reversal(), line.orderNumber(), line.sourcePartner(),
					line.planVersion(), line.level(), scaled(line.base(), 4), canonical(line.rate()),
					scaled(line.amount(), 2));
		}
		for (PartnerResult result : results) {
			update(digest, result.partner(), scaled(result.personalPv(), 4), scaled(result.groupPv(), 4),
					result.active(), result.achievedRank(), result.paidAsRank(), result.highestRank(),
					scaled(result.carryLeft(), 4), scaled(result.carryRight(), 4));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void update(MessageDigest digest, Object... fields) {
		StringBuilder text = new StringBuilder();
		for (Object field : fields) {
			text.append((field instanceof PartnerNumber number) ? number.value() : Objects.toString(field, "-"))
				.append('|');
		}
		text.append('\n');
		digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String scaled(BigDecimal value, int scale) {
		return value.setScale(scale).toPlainString();
	}

	private static String canonical(BigDecimal value) {
		return (value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
