package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.Component;
import io.treeline.compensation.calculation.Population;
import io.treeline.graph.PartnerNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerTextsTest {

	@Test
	void holdsEveryPartnerKeysNumberAfterItsLength() {
		Population population = new Population(new String[] { "P-1", "P-0000002", "A" });
		CommissionLineList.Builder builder = CommissionLineList.builder(population);
		String outside = "X-" + "9".repeat(30);
		builder
			.add(new CommissionLine(PartnerNumber.of(outside), Component.UNILEVEL, false, "O-1", PartnerNumber.of("A"),
					1, 1, new BigDecimal("10.0000"), new BigDecimal("0.10"), new BigDecimal("1.00")));
		CommissionLineList lines = builder.build();

		PartnerTexts texts = new PartnerTexts(lines);

		assertThat(texts.stride()).isEqualTo(33);
		for (int key = 0; key < lines.partnerKeyLimit(); key++) {
			String number = lines.partnerNumberOfKey(key);
			assertThat(texts.length(key)).isEqualTo(number.length());
			assertThat(texts.bytes()[texts.at(key)]).isEqualTo((byte) number.length());
			assertThat(Arrays.copyOfRange(texts.bytes(), texts.at(key) + 1, texts.at(key) + 1 + number.length()))
				.isEqualTo(number.getBytes(StandardCharsets.US_ASCII));
		}
		assertThat(lines.partnerNumberOfKey(lines.partnerKey(0))).isEqualTo(outside);
	}

}
