package io.treeline.portal.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors of Relay connections: a list's name and a position, Base64-encoded, so
 * that clients treat them as tokens, and a cursor of one list is refused by another.
 */
public final class Cursors {

	private Cursors() {
	}

	public static String of(String list, String position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((list + ":" + position).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor.
	 * @param list the list the cursor must belong to
	 * @param cursor the cursor
	 * @return the position it marks
	 * @throws IllegalArgumentException if it is not a cursor of that list
	 */
	public static String positionIn(String list, String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith(list + ":")) {
				return text.substring(list.length() + 1);
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below with a message the client can act on
		}
		throw new IllegalArgumentException(
				"'" + cursor + "' is not a cursor of this list; pass an endCursor you received");
	}

	/**
	 * Reads a cursor that marks a number.
	 * @param list the list the cursor must belong to
	 * @param cursor the cursor
	 * @return the number it marks
	 * @throws IllegalArgumentException if it is not a cursor of that list
	 */
	public static int numberIn(String list, String cursor) {
		String position = positionIn(list, cursor);
		try {
			return Integer.parseInt(position);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"'" + cursor + "' is not a cursor of this list; pass an endCursor you received");
		}
	}

}
