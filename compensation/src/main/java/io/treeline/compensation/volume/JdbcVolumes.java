package io.treeline.compensation.volume;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.treeline.compensation.CompanySettings;
import io.treeline.compensation.MonthlyVolume;
import io.treeline.compensation.Volumes;
import io.treeline.graph.PartnerNumber;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link Volumes} summed by PostgreSQL over paid orders.
 */
@Component
class JdbcVolumes implements Volumes {

	private final JdbcClient jdbc;

	private final CompanySettings company;

	JdbcVolumes(JdbcClient jdbc, CompanySettings company) {
		this.jdbc = jdbc;
		this.company = company;
	}

	@Override
	public Map<PartnerNumber, List<MonthlyVolume>> personalByMonth(Collection<PartnerNumber> partners) {
		Map<PartnerNumber, List<MonthlyVolume>> volumes = new HashMap<>();
		partners.forEach((partner) -> volumes.put(partner, new ArrayList<>()));
		if (partners.isEmpty()) {
			return volumes;
		}
		this.jdbc.sql("""
				select o.partner_number,
				       to_char(e.occurred_at at time zone :zone, 'YYYY-MM') as month,
				       sum(case when e.kind = 'PAID' then e.pv else -e.pv end) as pv,
				       sum(case when e.kind = 'PAID' then e.bv else -e.bv end) as bv
				from orders o
				join order_events e on e.order_id = o.id
				where o.partner_number in (:partners)
				group by o.partner_number, month
				order by o.partner_number, month
				""")
			.param("zone", this.company.timeZone().getId())
			.param("partners", partners.stream().map(PartnerNumber::value).distinct().toList())
			.query((RowCallbackHandler) (row) -> volumes.get(PartnerNumber.of(row.getString("partner_number")))
				.add(new MonthlyVolume(YearMonth.parse(row.getString("month")), row.getBigDecimal("pv"),
						row.getBigDecimal("bv"))));
		return volumes;
	}

}
