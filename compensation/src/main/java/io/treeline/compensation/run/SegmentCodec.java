package io.treeline.compensation.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The bytes of stored segments ({@link LineSegments}, {@link ResultSegments}): unsigned
 * LEB128 varints, zigzag for signed numbers, texts as a length and UTF-8 bytes, and raw
 * deflate at its fastest level (Huffman coding only was tried and taken out again, ADR
 * 0029).
 */
final class SegmentCodec {

	private SegmentCodec() {
	}

	static long zigzag(long value) {
		return (value << 1) ^ (value >> 63);
	}

	static long unzigzag(long value) {
		return (value >>> 1) ^ -(value & 1);
	}

	static byte[] deflate(byte[] raw) {
		Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
		try {
			deflater.setInput(raw);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
			byte[] chunk = new byte[64 * 1024];
			while (!deflater.finished()) {
				int written = deflater.deflate(chunk);
				out.write(chunk, 0, written);
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	static byte[] inflate(byte[] data) {
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

		String text() {
			int length = (int) varint();
			String text = new String(this.bytes, this.position, length, StandardCharsets.UTF_8);
			this.position += length;
			return text;
		}

	}

}
