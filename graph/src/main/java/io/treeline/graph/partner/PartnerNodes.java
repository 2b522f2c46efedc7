package io.treeline.graph.partner;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;

/**
 * How a {@link Partner} is stored as a {@code (:Partner)} node, in both directions, and
 * how instants are stored (Neo4j {@code DATETIME} in UTC). The one place that knows the
 * property names, for every statement that writes or reads partners.
 */
public final class PartnerNodes {

	private PartnerNodes() {
	}

	/**
	 * Returns the node properties of a partner; absent values are {@code null}.
	 * @param partner the partner
	 * @return the properties by name
	 */
	public static Map<String, Object> properties(Partner partner) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("number", partner.number().value());
		properties.put("firstName", partner.firstName());
		properties.put("lastName", partner.lastName());
		properties.put("email", partner.email());
		properties.put("city", partner.city());
		properties.put("country", partner.country());
		properties.put("language", partner.language());
		properties.put("status", partner.status().name());
		properties.put("joinedAt", utc(partner.joinedAt()));
		return properties;
	}

	/**
	 * Reads a partner from node properties.
	 * @param properties the properties, as returned by {@code RETURN p {.*}}
	 * @return the partner
	 */
	public static Partner partner(Map<?, ?> properties) {
		return new Partner(PartnerNumber.of((String) properties.get("number")), (String) properties.get("firstName"),
				(String) properties.get("lastName"), (String) properties.get("email"), (String) properties.get("city"),
				(String) properties.get("country"), (String) properties.get("language"),
				PartnerStatus.valueOf((String) properties.get("status")), instant(properties.get("joinedAt")));
	}

	/**
	 * Returns an instant as the value Neo4j stores.
	 * @param instant the instant, or {@code null}
	 * @return the instant in UTC, or {@code null}
	 */
	public static ZonedDateTime utc(Instant instant) {
		return (instant != null) ? instant.atZone(ZoneOffset.UTC) : null;
	}

	/**
	 * Reads an instant stored by {@link #utc(Instant)}.
	 * @param value a {@code DATETIME} value as the driver returns it
	 * @return the instant
	 */
	public static Instant instant(Object value) {
		if (value instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		throw new IllegalStateException("Not a DATETIME value: " + value);
	}

}
