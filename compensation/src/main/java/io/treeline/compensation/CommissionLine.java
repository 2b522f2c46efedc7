package io.treeline.compensation;

import java.math.BigDecimal;
import java.util.Objects;

import io.treeline.graph.PartnerNumber;

/**
 * One commission line with its provenance: who earns, from which order and partner, under
 * which plan version and component, at which level, on which base and rate.
 * {@code amount = round(base * rate, 2, HALF_UP)} for an original line; a reversal
 * negates (a share of) an original line.
 *
 * @param partner who earns
 * @param component the part of the plan
 * @param reversal whether the line reverses an earlier line after a storno
 * @param orderNumber the order, for order-based components
 * @param sourcePartner the partner whose order or result produced the line
 * @param planVersion the plan version applied
 * @param level the level or generation (1 = directly above), if the component has levels
 * @param base the base in EUR (BV, weak-leg volume, pool, commissions below)
 * @param rate the rate applied to the base
 * @param amount the amount in EUR, two decimals
 */
public record CommissionLine(PartnerNumber partner, Component component, boolean reversal, String orderNumber,
		PartnerNumber sourcePartner, int planVersion, Integer level, BigDecimal base, BigDecimal rate,
		BigDecimal amount) {

	public CommissionLine {
		Objects.requireNonNull(partner, "partner");
		Objects.requireNonNull(component, "component");
		Objects.requireNonNull(base, "base");
		Objects.requireNonNull(rate, "rate");
		Objects.requireNonNull(amount, "amount");
	}

	/**
	 * Explains the line in one German sentence, as partners read it on a statement.
	 * @return the explanation
	 */
	public String explanation() {
		String what = switch (this.component) {
			case UNILEVEL ->
				"Unilevel Ebene " + this.level + " auf Auftrag " + this.orderNumber + " von " + this.sourcePartner;
			case DIFFERENTIAL -> "Differenz auf Auftrag " + this.orderNumber + " von " + this.sourcePartner;
			case GENERATION_OVERRIDE -> "Generationsbonus Generation " + this.level + " auf Auftrag " + this.orderNumber
					+ " von " + this.sourcePartner;
			case MATRIX ->
				"Matrix Ebene " + this.level + " auf Auftrag " + this.orderNumber + " von " + this.sourcePartner;
			case FAST_START -> "Fast-Start-Bonus auf Auftrag " + this.orderNumber + " von " + this.sourcePartner;
			case BINARY -> "Binärprovision auf das schwächere Bein";
			case MATCHING -> "Matching-Bonus Generation " + this.level + " auf die Provision von " + this.sourcePartner;
			case RANK_ADVANCEMENT -> "Aufstiegsbonus";
			case POOL -> "Pool-Anteil am Firmenumsatz";
		};
		BigDecimal base = this.base.stripTrailingZeros();
		String formula = base.setScale(Math.max(2, base.scale())).toPlainString() + " × "
				+ this.rate.stripTrailingZeros().toPlainString() + " = " + this.amount.toPlainString() + " EUR";
		return (this.reversal ? "Storno: " : "") + what + " (Planversion " + this.planVersion + "): " + formula;
	}

}
