package io.treeline.portal.partner;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.treeline.graph.PartnerNumber;

/**
 * The opaque cursor of a partner in a list ordered by number: the number, marked and
 * Base64-encoded so that clients treat it as a token and never parse it.
 */
final class PartnerCursor {

	private static final String PREFIX = "partner:";

	private PartnerCursor() {
	}

	static String of(PartnerNumber number) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + number.value()).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor.
	 * @param cursor a cursor made by {@link #of(PartnerNumber)}
	 * @return the partner number it marks
	 * @throws IllegalArgumentException if the text is not such a cursor
	 */
	static PartnerNumber parse(String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith(PREFIX)) {
				return PartnerNumber.of(text.substring(PREFIX.length()));
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below with a message the client can act on
		}
		throw new IllegalArgumentException(
				"'" + cursor + "' is not a cursor of this list; pass an endCursor you received");
	}

}
