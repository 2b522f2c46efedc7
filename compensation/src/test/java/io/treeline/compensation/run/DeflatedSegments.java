package io.treeline.compensation.run;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * Makes segments as versions before ADR 0034 stored them, raw deflate at its fastest
 * level, so that tests can check they are still read.
 */
final class DeflatedSegments {

	private DeflatedSegments() {
	}

	static byte[] deflate(byte[] raw) {
		Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
		try {
			deflater.setInput(raw);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
			byte[] chunk = new byte[64 * 1024];
			while (!deflater.finished()) {
				out.write(chunk, 0, deflater.deflate(chunk));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

}
