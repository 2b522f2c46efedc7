package io.treeline.graph.partner;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;

/**
 * A partner without its number as one byte array, the way the {@link PartnerCache} keeps
 * it: one object instead of a dozen (the record, its strings and their arrays, the
 * instant), which matters to the garbage collector when a million partners are kept and
 * copied between young generations. Texts are UTF-8 with their length before them
 * ({@code -1} for {@code null}), then the status and the join instant.
 */
final class PackedPartner {

	private static final PartnerStatus[] STATUSES = PartnerStatus.values();

	private PackedPartner() {
	}

	static byte[] pack(Partner partner) {
		byte[][] texts = { utf8(partner.firstName()), utf8(partner.lastName()), utf8(partner.email()),
				utf8(partner.city()), utf8(partner.country()), utf8(partner.language()) };
		int size = 1 + Long.BYTES + Integer.BYTES;
		for (byte[] text : texts) {
			size += Integer.BYTES + ((text != null) ? text.length : 0);
		}
		ByteBuffer packed = ByteBuffer.allocate(size);
		for (byte[] text : texts) {
			if (text == null) {
				packed.putInt(-1);
			}
			else {
				packed.putInt(text.length).put(text);
			}
		}
		packed.put((byte) partner.status().ordinal());
		packed.putLong(partner.joinedAt().getEpochSecond()).putInt(partner.joinedAt().getNano());
		return packed.array();
	}

	static Partner unpack(PartnerNumber number, byte[] packed) {
		ByteBuffer buffer = ByteBuffer.wrap(packed);
		String firstName = text(buffer);
		String lastName = text(buffer);
		String email = text(buffer);
		String city = text(buffer);
		String country = text(buffer);
		String language = text(buffer);
		PartnerStatus status = STATUSES[buffer.get()];
		Instant joinedAt = Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
		return new Partner(number, firstName, lastName, email, city, country, language, status, joinedAt);
	}

	private static byte[] utf8(String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8) : null;
	}

	private static String text(ByteBuffer buffer) {
		int length = buffer.getInt();
		if (length < 0) {
			return null;
		}
		String text = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
		buffer.position(buffer.position() + length);
		return text;
	}

}
