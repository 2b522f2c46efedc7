package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.treeline.compensation.PartnerResult;
import io.treeline.graph.PartnerNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResultSegmentsTest {

	@Test
	void readsBackEveryResultAndFindsAPartnerByTheSegmentKeys() {
		List<PartnerResult> results = new ArrayList<>();
		String[] ranks = { null, "Bronze", "Silber", "Gold \"Ü\"" };
		for (int i = 0; i < 40_000; i++) {
			results.add(new PartnerResult(PartnerNumber.of(String.format("P-%07d", i)),
					BigDecimal.valueOf(i * 37L - 5_000, 4), BigDecimal.valueOf(i * 1_000_003L, 4), i % 3 == 0,
					ranks[i % 4], ranks[(i / 2) % 4], ranks[(i / 3) % 4], BigDecimal.valueOf(-i, 4),
					BigDecimal.valueOf(i % 17, 4)));
		}
		List<ResultSegments.Segment> segments = ResultSegments.encode(results);
		assertThat(segments).hasSize(3);

		List<PartnerResult> all = new ArrayList<>();
		segments.forEach((segment) -> ResultSegments.decode(segment.data(), (partner) -> true, all));
		assertThat(all).isEqualTo(results);

		String wanted = "P-0020000";
		List<PartnerResult> found = new ArrayList<>();
		segments.stream()
			.filter((segment) -> segment.firstPartner().compareTo(wanted) <= 0
					&& segment.lastPartner().compareTo(wanted) >= 0)
			.forEach((segment) -> ResultSegments.decode(segment.data(), wanted::equals, found));
		assertThat(found).containsExactly(results.get(20_000));
	}

	@Test
	void refusesVolumesFinerThanTheStoresKeep() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResultSegments
				.encode(List.of(new PartnerResult(PartnerNumber.of("P-1"), new BigDecimal("0.00001"), BigDecimal.ZERO,
						false, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO))))
			.withMessageContaining("more than four decimals");
	}

}
