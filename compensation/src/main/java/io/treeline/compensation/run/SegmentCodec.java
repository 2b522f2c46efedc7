package io.treeline.compensation.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;

/**
 * The bytes of stored segments ({@link LineSegments}, {@link ResultSegments}): unsigned
 * LEB128 varints, zigzag for signed numbers, texts as a length and UTF-8 bytes, and the
 * whole compressed as one Zstandard frame at level {@value #LEVEL} with its content size
 * and checksum (ADR 0034). Segments stored before that are raw deflate streams, read as
 * they are: a Zstandard frame starts with its magic number, which no valid raw deflate
 * stream does (its first block would be a stored block whose length and complement
 * disagree).
 */
final class SegmentCodec {

	/**
	 * Zstandard's fastest positive level: in the 1M close it shortened the write phase by
	 * 1.9 s against deflate's fastest level, with segments of 18.5 bytes a line instead
	 * of about 25 (ADR 0034).
	 */
	static final int LEVEL = 1;

	/** Contexts kept for reuse: each holds native tables of about a megabyte. */
	private static final int IDLE_CONTEXTS = 2 * Runtime.getRuntime().availableProcessors();

	private static final BlockingQueue<ZstdCompressCtx> COMPRESSORS = new ArrayBlockingQueue<>(IDLE_CONTEXTS);

	private static final BlockingQueue<ZstdDecompressCtx> DECOMPRESSORS = new ArrayBlockingQueue<>(IDLE_CONTEXTS);

	/** The first four bytes of every Zstandard frame (0xFD2FB528, little-endian). */
	private static final byte[] MAGIC = { 0x28, (byte) 0xB5, 0x2F, (byte) 0xFD };

	/** Larger segments than this are refused as damaged rather than allocated. */
	private static final long LARGEST = 256L * 1024 * 1024;

	private SegmentCodec() {
	}

	static long zigzag(long value) {
		return (value << 1) ^ (value >> 63);
	}

	static long unzigzag(long value) {
		return (value >>> 1) ^ -(value & 1);
	}

	/**
	 * Compresses the first bytes of an array.
	 * @param raw the encoding
	 * @param length how many of its bytes
	 * @return a Zstandard frame
	 */
	static byte[] compress(byte[] raw, int length) {
		ZstdCompressCtx context = COMPRESSORS.poll();
		if (context == null) {
			context = new ZstdCompressCtx().setLevel(LEVEL).setChecksum(true).setContentSize(true);
		}
		try {
			byte[] out = new byte[(int) Zstd.compressBound(length)];
			int written = context.compressByteArray(out, 0, out.length, raw, 0, length);
			return Arrays.copyOf(out, written);
		}
		finally {
			if (!COMPRESSORS.offer(context)) {
				context.close();
			}
		}
	}

	/**
	 * Reads back a stored segment's encoding: a Zstandard frame, or raw deflate as
	 * segments were stored before ADR 0034.
	 * @param data the stored bytes
	 * @return the encoding
	 */
	static byte[] decompress(byte[] data) {
		if (!Arrays.equals(data, 0, Math.min(data.length, MAGIC.length), MAGIC, 0, MAGIC.length)) {
			return inflate(data);
		}
		long size = Zstd.getFrameContentSize(data);
		if (size < 0 || size > LARGEST) {
			throw new IllegalStateException("A stored segment of commission records is damaged: its frame header "
					+ ((size < 0) ? "cannot be read (" + Zstd.getErrorName(size) + ")" : "claims " + size + " bytes"));
		}
		ZstdDecompressCtx context = DECOMPRESSORS.poll();
		if (context == null) {
			context = new ZstdDecompressCtx();
		}
		try {
			byte[] raw = new byte[(int) size];
			int read = context.decompressByteArray(raw, 0, raw.length, data, 0, data.length);
			if (read != size) {
				throw new IllegalStateException("A stored segment of commission records is truncated");
			}
			return raw;
		}
		catch (ZstdException ex) {
			throw new IllegalStateException("A stored segment of commission records is damaged: " + ex.getMessage(),
					ex);
		}
		finally {
			if (!DECOMPRESSORS.offer(context)) {
				context.close();
			}
		}
	}

	private static byte[] inflate(byte[] data) {
		Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(data);
			ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
			byte[] chunk = new byte[64 * 1024];
			while (!inflater.finished()) {
				int read = inflater.inflate(chunk);
				if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IllegalStateException("A stored segment of commission records is truncated");
				}
				out.write(chunk, 0, read);
			}
			return out.toByteArray();
		}
		catch (DataFormatException ex) {
			throw new IllegalStateException("A stored segment of commission records is damaged: " + ex.getMessage(),
					ex);
		}
		finally {
			inflater.end();
		}
	}

	/** A growing byte array with varint and text writers. */
	static final class Buffer {

		byte[] bytes;

		int length;

		Buffer(int capacity) {
			this.bytes = new byte[Math.max(16, capacity)];
		}

		void varint(long value) {
			ensure(10);
			put(value);
		}

		/** Writes a varint where {@link #ensure(int)} made room already. */
		void put(long value) {
			byte[] bytes = this.bytes;
			int at = this.length;
			while ((value & ~0x7FL) != 0) {
				bytes[at++] = (byte) ((value & 0x7F) | 0x80);
				value >>>= 7;
			}
			bytes[at++] = (byte) value;
			this.length = at;
		}

		/** Writes bytes where {@link #ensure(int)} made room already. */
		void put(byte[] more, int from, int count) {
			System.arraycopy(more, from, this.bytes, this.length, count);
			this.length += count;
		}

		void text(String text) {
			int length = text.length();
			boolean ascii = length < 128;
			for (int i = 0; ascii && i < length; i++) {
				ascii = text.charAt(i) < 0x80;
			}
			if (ascii) {
				ensure(length + 1);
				this.bytes[this.length++] = (byte) length;
				for (int i = 0; i < length; i++) {
					this.bytes[this.length++] = (byte) text.charAt(i);
				}
				return;
			}
			byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
			varint(utf8.length);
			bytes(utf8, utf8.length);
		}

		void bytes(byte[] more, int count) {
			ensure(count);
			System.arraycopy(more, 0, this.bytes, this.length, count);
			this.length += count;
		}

		/**
		 * Returns what was written, compressed.
		 * @return a Zstandard frame
		 */
		byte[] compressed() {
			return compress(this.bytes, this.length);
		}

		void ensure(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
			}
		}

	}

	/** Reads what {@link Buffer} wrote. */
	static final class Reader {

		private final byte[] bytes;

		private int position;

		Reader(byte[] bytes) {
			this.bytes = bytes;
		}

		long varint() {
			long value = 0;
			for (int shift = 0;; shift += 7) {
				byte b = this.bytes[this.position++];
				value |= (long) (b & 0x7F) << shift;
				if (b >= 0) {
					return value;
				}
			}
		}

		int position() {
			return this.position;
		}

		void skip(int count) {
			this.position += count;
		}

		/** Passes over some varints without making their values. */
		void skipVarints(int count) {
			byte[] bytes = this.bytes;
			int at = this.position;
			for (int left = count; left > 0;) {
				if (bytes[at++] >= 0) {
					left--;
				}
			}
			this.position = at;
		}

		String text() {
			int length = (int) varint();
			String text = new String(this.bytes, this.position, length, StandardCharsets.UTF_8);
			this.position += length;
			return text;
		}

	}

}
