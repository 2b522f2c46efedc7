package io.treeline.compensation;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Company-wide settings of the money side ({@code treeline.company.*}).
 *
 * @param timeZone the zone whose calendar defines months and periods
 * @param currency the currency commissions are paid in
 */
@ConfigurationProperties("treeline.company")
public record CompanySettings(@DefaultValue("Europe/Berlin") ZoneId timeZone, @DefaultValue("EUR") String currency) {

}
