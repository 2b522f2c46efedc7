package io.treeline.graph.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.treeline.cypher.CypherStatements;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerQuery;
import io.treeline.graph.Partners;
import org.neo4j.driver.Value;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * {@link Partners} read from Neo4j with the statements in {@code cypher/partner}.
 * Partners looked up by number outside a transaction are kept in the {@link PartnerCache}
 * until the genealogy changes, so pages of the same partners do not read them again.
 */
@Component
class CypherPartners implements Partners {

	private static final String FIND_BY_NUMBER = CypherStatements.load("partner/findByNumber");

	private static final String FIND_BY_NUMBERS = CypherStatements.load("partner/findByNumbers");

	private static final String LIST = CypherStatements.load("partner/list");

	private static final String SEARCH = CypherStatements.load("partner/search");

	private static final String COUNT_ALL = CypherStatements.load("partner/countAll");

	private static final String COUNT_MATCHING = CypherStatements.load("partner/countMatching");

	private static final String SPONSORS_OF = CypherStatements.load("partner/sponsorsOf");

	private final Neo4jClient neo4j;

	private final PartnerCache cache;

	CypherPartners(Neo4jClient neo4j, PartnerCache cache) {
		this.neo4j = neo4j;
		this.cache = cache;
	}

	@Override
	public Optional<Partner> find(PartnerNumber number) {
		PartnerCache.Generation kept = this.cache.current();
		Partner known = (kept != null) ? kept.get(number) : null;
		if (known != null) {
			return Optional.of(known);
		}
		Optional<Partner> found = this.neo4j.query(FIND_BY_NUMBER)
			.bind(number.value())
			.to("number")
			.fetchAs(Partner.class)
			.mappedBy((types, row) -> toPartner(row.get("partner")))
			.one();
		if (kept != null) {
			found.ifPresent(kept::put);
		}
		return found;
	}

	@Override
	public Map<PartnerNumber, Partner> find(Collection<PartnerNumber> numbers) {
		PartnerCache.Generation kept = this.cache.current();
		Map<PartnerNumber, Partner> found = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		for (PartnerNumber number : numbers) {
			Partner known = (kept != null) ? kept.get(number) : null;
			if (known != null) {
				found.put(number, known);
			}
			else {
				unknown.add(number.value());
			}
		}
		if (unknown.isEmpty()) {
			return found;
		}
		this.neo4j.query(FIND_BY_NUMBERS)
			.bind(unknown.stream().distinct().toList())
			.to("numbers")
			.fetchAs(Partner.class)
			.mappedBy((types, row) -> toPartner(row.get("partner")))
			.all()
			.forEach((partner) -> {
				found.put(partner.number(), partner);
				if (kept != null) {
					kept.put(partner);
				}
			});
		return found;
	}

	@Override
	public List<Partner> find(PartnerQuery query) {
		String fullText = SearchText.toQuery(query.search());
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("after", (query.after() != null) ? query.after().value() : null);
		parameters.put("offset", query.offset());
		parameters.put("limit", query.limit());
		if (fullText != null) {
			parameters.put("query", fullText);
		}
		return List.copyOf(this.neo4j.query((fullText != null) ? SEARCH : LIST)
			.bindAll(parameters)
			.fetchAs(Partner.class)
			.mappedBy((types, row) -> toPartner(row.get("partner")))
			.all());
	}

	@Override
	public long count(String search) {
		String fullText = SearchText.toQuery(search);
		var statement = (fullText != null) ? this.neo4j.query(COUNT_MATCHING).bind(fullText).to("query")
				: this.neo4j.query(COUNT_ALL);
		return statement.fetchAs(Long.class).mappedBy((types, row) -> row.get("count").asLong()).one().orElse(0L);
	}

	@Override
	public Map<PartnerNumber, Partner> sponsorsOf(Collection<PartnerNumber> partners, Instant asOf) {
		Map<PartnerNumber, Partner> sponsors = new HashMap<>();
		this.neo4j.query(SPONSORS_OF)
			.bind(partners.stream().map(PartnerNumber::value).distinct().toList())
			.to("numbers")
			.bind(PartnerNodes.utc(asOf))
			.to("asOf")
			.fetch()
			.all()
			.forEach((row) -> sponsors.put(PartnerNumber.of((String) row.get("number")),
					PartnerNodes.partner((Map<?, ?>) row.get("sponsor"))));
		return sponsors;
	}

	private static Partner toPartner(Value node) {
		return PartnerNodes.partner(node.asMap());
	}

}
