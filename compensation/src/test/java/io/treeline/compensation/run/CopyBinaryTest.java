package io.treeline.compensation.run;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CopyBinaryTest {

	@Test
	void readsRowsHoweverTheStreamIsCut() throws Exception {
		byte[] stream = stream();
		for (int piece : new int[] { 1, 2, 3, 7, 64, stream.length }) {
			CopyBinary.Row row = new CopyBinary.Row(pieces(stream, piece));
			List<String> read = new ArrayList<>();
			while (row.next()) {
				read.add(describe(row));
			}
			assertThat(row.atEnd()).isTrue();
			assertThat(read).as("pieces of %d bytes", piece)
				.containsExactly("42|true|O-1 ü|P-7|" + micros("2026-10-01T00:00:00.000001Z") + "|1250000|-5|null",
						"-1|false|null||" + micros("1999-12-31T23:59:59Z") + "|0|0|0.500000000000000000");
		}
	}

	@Test
	void readsDecimalsAsPostgreSqlWritesThem() throws Exception {
		assertThat(decimal(1, 0, 0, 18, 1)).isEqualTo(new BigDecimal("1.000000000000000000"))
			.hasToString("1.000000000000000000");
		assertThat(decimal(5, -1, 0, 18, 3333, 3333, 3333, 3333, 3300)).hasToString("0.333333333333333333");
		assertThat(decimal(0, 0, 0, 4)).hasToString("0.0000");
		assertThat(decimal(2, 1, 0x4000, 2, 12, 3456)).hasToString("-123456.00");
		assertThat(units(2, 1, 0, 4, 15, 10)).isEqualTo(1_500_100_000L);
		assertThat(units(2, 0, 0, 4, 12, 5000)).isEqualTo(125_000L);
		assertThat(units(1, -1, 0x4000, 4, 1)).isEqualTo(-1L);
	}

	@Test
	void refusesWhatIsNotTheExpectedValue() throws Exception {
		assertThatIllegalStateException().isThrownBy(() -> units(2, -1, 0, 8, 1, 5));
		assertThatIllegalStateException().isThrownBy(() -> units(0, 0, 0xC000, 0));
		byte[] stream = stream();
		CopyBinary.Row row = new CopyBinary.Row(pieces(Arrays.copyOf(stream, 30), 30));
		assertThatIllegalStateException().isThrownBy(row::next);
		CopyBinary.Row text = new CopyBinary.Row(pieces("a\tb\n".getBytes(StandardCharsets.UTF_8), 4));
		assertThatIllegalStateException().isThrownBy(text::next);
	}

	private static String describe(CopyBinary.Row row) {
		return row.int8(0) + "|" + row.bool(1) + "|" + row.text(2) + "|" + row.text(3) + "|" + row.timestampMicros(4)
				+ "|" + row.numericUnits(5, 4) + "|" + row.numericUnits(6, 4) + "|"
				+ (row.isNull(7) ? "null" : row.numeric(7).toString());
	}

	private static long micros(String instant) {
		Instant at = Instant.parse(instant);
		return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
	}

	private static byte[] stream() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.write(new byte[] { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 });
		out.writeInt(0);
		out.writeInt(3);
		out.write(new byte[] { 9, 9, 9 });
		out.writeShort(8);
		int8(out, 42);
		bool(out, true);
		text(out, "O-1 ü");
		text(out, "P-7");
		int8(out, micros("2026-10-01T00:00:00.000001Z") - 946_684_800_000_000L);
		numeric(out, 2, 0, 0, 4, 125, 0);
		numeric(out, 1, -1, 0x4000, 4, 5);
		out.writeInt(-1);
		out.writeShort(8);
		int8(out, -1);
		bool(out, false);
		out.writeInt(-1);
		text(out, "");
		int8(out, -1_000_000);
		numeric(out, 0, 0, 0, 4);
		numeric(out, 0, 0, 0, 4);
		numeric(out, 1, -1, 0, 18, 5000);
		out.writeShort(-1);
		return bytes.toByteArray();
	}

	private static void int8(DataOutputStream out, long value) throws IOException {
		out.writeInt(8);
		out.writeLong(value);
	}

	private static void bool(DataOutputStream out, boolean value) throws IOException {
		out.writeInt(1);
		out.writeByte(value ? 1 : 0);
	}

	private static void text(DataOutputStream out, String value) throws IOException {
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static void numeric(DataOutputStream out, int count, int weight, int sign, int scale, int... digits)
			throws IOException {
		out.writeInt(8 + 2 * count);
		out.writeShort(count);
		out.writeShort(weight);
		out.writeShort(sign);
		out.writeShort(scale);
		for (int digit : digits) {
			out.writeShort(digit);
		}
	}

	private static CopyBinary.Row numericRow(int count, int weight, int sign, int scale, int... digits)
			throws IOException, SQLException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.write(new byte[] { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 });
		out.writeInt(0);
		out.writeInt(0);
		out.writeShort(1);
		numeric(out, count, weight, sign, scale, digits);
		out.writeShort(-1);
		CopyBinary.Row row = new CopyBinary.Row(pieces(bytes.toByteArray(), 5));
		assertThat(row.next()).isTrue();
		return row;
	}

	private static BigDecimal decimal(int count, int weight, int sign, int scale, int... digits) throws Exception {
		return numericRow(count, weight, sign, scale, digits).numeric(0);
	}

	private static long units(int count, int weight, int sign, int scale, int... digits) throws Exception {
		return numericRow(count, weight, sign, scale, digits).numericUnits(0, 4);
	}

	private static CopyBinary.Source pieces(byte[] stream, int size) {
		Deque<byte[]> pieces = new ArrayDeque<>();
		for (int from = 0; from < stream.length; from += size) {
			pieces.add(Arrays.copyOfRange(stream, from, Math.min(stream.length, from + size)));
		}
		return pieces::poll;
	}

}
