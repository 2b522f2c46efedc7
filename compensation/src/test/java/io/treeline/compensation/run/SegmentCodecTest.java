package io.treeline.compensation.run;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SegmentCodecTest {

	@Test
	void compressesToAZstandardFrameAndReadsItBack() {
		byte[] raw = encoding(400_000);

		byte[] stored = SegmentCodec.compress(raw, raw.length);

		assertThat(stored).startsWith(0x28, 0xB5, 0x2F, 0xFD);
		assertThat(stored.length).isLessThan(raw.length);
		assertThat(SegmentCodec.decompress(stored)).isEqualTo(raw);
	}

	@Test
	void compressesOnlyTheBytesWrittenAndTheSameBytesAlike() {
		byte[] raw = encoding(10_000);
		byte[] longer = Arrays.copyOf(raw, raw.length * 3);

		assertThat(SegmentCodec.decompress(SegmentCodec.compress(longer, raw.length))).isEqualTo(raw);
		assertThat(SegmentCodec.compress(longer, raw.length)).isEqualTo(SegmentCodec.compress(raw, raw.length));
		assertThat(SegmentCodec.decompress(SegmentCodec.compress(raw, 0))).isEmpty();
	}

	@Test
	void passesOverVarintsOfEveryLength() {
		long[] values = { 0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, 1L << 35, Long.MAX_VALUE, -1 };
		SegmentCodec.Buffer out = new SegmentCodec.Buffer(16);
		for (long value : values) {
			out.varint(value);
		}
		for (int skipped = 0; skipped < values.length; skipped++) {
			SegmentCodec.Reader in = new SegmentCodec.Reader(Arrays.copyOf(out.bytes, out.length));
			in.skipVarints(skipped);
			for (int i = skipped; i < values.length; i++) {
				assertThat(in.varint()).isEqualTo(values[i]);
			}
			assertThat(in.position()).isEqualTo(out.length);
		}
	}

	@Test
	void readsSegmentsStoredDeflatedBeforeZstandard() {
		byte[] raw = encoding(50_000);

		assertThat(SegmentCodec.decompress(DeflatedSegments.deflate(raw))).isEqualTo(raw);
	}

	@Test
	void refusesDamagedAndTruncatedSegments() {
		byte[] raw = encoding(50_000);
		byte[] stored = SegmentCodec.compress(raw, raw.length);

		byte[] damaged = stored.clone();
		damaged[damaged.length / 2] ^= 0x5A;
		assertThatIllegalStateException().isThrownBy(() -> SegmentCodec.decompress(damaged))
			.withMessageContaining("A stored segment of commission records is damaged");
		assertThatIllegalStateException()
			.isThrownBy(() -> SegmentCodec.decompress(Arrays.copyOf(stored, stored.length - 10)))
			.withMessageContaining("A stored segment of commission records is");
		assertThatIllegalStateException().isThrownBy(() -> SegmentCodec.decompress(Arrays.copyOf(stored, 4)))
			.withMessageContaining("A stored segment of commission records is damaged");
		byte[] deflated = DeflatedSegments.deflate(raw);
		assertThatIllegalStateException()
			.isThrownBy(() -> SegmentCodec.decompress(Arrays.copyOf(deflated, deflated.length / 2)))
			.withMessageContaining("A stored segment of commission records is truncated");
	}

	@Test
	void isUsableFromManyThreadsAtOnce() {
		byte[][] raws = new byte[64][];
		for (int i = 0; i < raws.length; i++) {
			raws[i] = encoding(20_000 + i * 1_000);
		}

		byte[][] read = IntStream.range(0, raws.length)
			.parallel()
			.mapToObj((i) -> SegmentCodec.decompress(SegmentCodec.compress(raws[i], raws[i].length)))
			.toArray(byte[][]::new);

		for (int i = 0; i < raws.length; i++) {
			assertThat(read[i]).isEqualTo(raws[i]);
		}
	}

	/** Varints of line-like records: repetitive enough to compress, not constant. */
	private static byte[] encoding(int length) {
		Random random = new Random(length);
		SegmentCodec.Buffer buffer = new SegmentCodec.Buffer(length + 16);
		while (buffer.length < length - 10) {
			buffer.varint(random.nextInt(300));
			buffer.varint(random.nextInt(7));
			buffer.varint(SegmentCodec.zigzag(random.nextInt(40) * 250 - 1_000));
		}
		return Arrays.copyOf(buffer.bytes, buffer.length);
	}

}
