package io.treeline.compensation.run;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CopyTextTest {

	@Test
	void splitsFieldsAndResolvesEscapes() {
		CopyText.Row row = new CopyText.Row();
		row.split("42\tt\tO\\t1 \\\\ \"q\" ü\\n\t\\N\t-1798761600123456\tf\t\n".getBytes(StandardCharsets.UTF_8));

		assertThat(row.size()).isEqualTo(7);
		assertThat(row.longValue(0)).isEqualTo(42);
		assertThat(row.bool(1)).isTrue();
		assertThat(row.text(2)).isEqualTo("O\t1 \\ \"q\" ü\n");
		assertThat(row.isNull(3)).isTrue();
		assertThat(row.text(3)).isNull();
		assertThat(row.longValue(4)).isEqualTo(-1798761600123456L);
		assertThat(row.bool(5)).isFalse();
		assertThat(row.text(6)).isEmpty();
	}

	@Test
	void readsOctalEscapesAndRefusesWhatIsNoNumber() {
		CopyText.Row row = new CopyText.Row();
		row.split("a\\101\\7b\t9223372036854775807\tx1".getBytes(StandardCharsets.UTF_8));

		assertThat(row.text(0)).isEqualTo("aA\u0007b");
		assertThat(row.longValue(1)).isEqualTo(Long.MAX_VALUE);
		assertThatIllegalStateException().isThrownBy(() -> row.longValue(2));
	}

}
