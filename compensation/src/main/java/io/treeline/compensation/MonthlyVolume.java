package io.treeline.compensation;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The personal volume of a partner in one calendar month: PV and BV of the orders
 * credited to the partner that were paid in that month, less what was returned in it
 * (company time zone).
 *
 * @param month the month
 * @param pv point volume
 * @param bv business volume in EUR
 */
public record MonthlyVolume(YearMonth month, BigDecimal pv, BigDecimal bv) {

}
