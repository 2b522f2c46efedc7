package io.treeline.portal.partner;

import io.treeline.graph.PartnerStatus;

/**
 * The words the UI shows for a partner's status.
 */
public final class PartnerStatusText {

	private PartnerStatusText() {
	}

	public static String of(PartnerStatus status) {
		return switch (status) {
			case PENDING_CONFIRMATION -> "Bestätigung offen";
			case ACTIVE -> "Aktiv";
			case SUSPENDED -> "Gesperrt";
			case TERMINATED -> "Gekündigt";
		};
	}

}
