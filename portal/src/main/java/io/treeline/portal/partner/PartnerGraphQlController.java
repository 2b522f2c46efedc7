package io.treeline.portal.partner;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.treeline.compensation.MonthlyVolume;
import io.treeline.compensation.Volumes;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerQuery;
import io.treeline.graph.Partners;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * The GraphQL fields of partners ({@code partner.graphqls}, {@code volume.graphqls}):
 * reads from the genealogy, volumes from the compensation module, both batched per
 * request.
 */
@Controller
class PartnerGraphQlController {

	static final int MAX_PAGE = 500;

	private final Partners partners;

	private final Volumes volumes;

	PartnerGraphQlController(Partners partners, Volumes volumes, BatchLoaderRegistry batchLoaders) {
		this.partners = partners;
		this.volumes = volumes;
		batchLoaders.forTypePair(SponsorKey.class, Partner.class)
			.withName("sponsorAsOf")
			.registerMappedBatchLoader((keys, environment) -> Mono.fromSupplier(() -> sponsors(keys)));
	}

	@QueryMapping
	Partner partner(@Argument String number) {
		return this.partners.find(PartnerNumber.of(number)).orElse(null);
	}

	@QueryMapping
	PartnerConnection partners(@Argument int first, @Argument String after, @Argument String search) {
		if (first < 1 || first > MAX_PAGE) {
			throw new IllegalArgumentException("first must be between 1 and " + MAX_PAGE + " (got " + first + ")");
		}
		PartnerNumber start = (after != null) ? PartnerCursor.parse(after) : null;
		// one more than asked tells whether a next page exists
		List<Partner> pageAndOneMore = this.partners.find(new PartnerQuery(search, start, 0, first + 1));
		return PartnerConnection.of(pageAndOneMore, first, this.partners.count(search), start != null);
	}

	@SchemaMapping(typeName = "Partner")
	CompletableFuture<Partner> sponsor(Partner partner, @Argument Instant asOf,
			DataLoader<SponsorKey, Partner> sponsorAsOf) {
		return sponsorAsOf.load(new SponsorKey(partner.number(), (asOf != null) ? asOf : Instant.now()));
	}

	@BatchMapping(typeName = "Partner")
	Map<Partner, List<MonthlyVolume>> monthlyVolumes(List<Partner> partners) {
		Map<PartnerNumber, List<MonthlyVolume>> byNumber = this.volumes
			.personalByMonth(partners.stream().map(Partner::number).toList());
		return partners.stream().distinct().collect(Collectors.toMap((p) -> p, (p) -> byNumber.get(p.number())));
	}

	private Map<SponsorKey, Partner> sponsors(Set<SponsorKey> keys) {
		return keys.stream()
			.collect(Collectors.groupingBy(SponsorKey::asOf))
			.entrySet()
			.stream()
			.flatMap((byInstant) -> {
				Map<PartnerNumber, Partner> found = this.partners
					.sponsorsOf(byInstant.getValue().stream().map(SponsorKey::partner).toList(), byInstant.getKey());
				return byInstant.getValue()
					.stream()
					.filter((key) -> found.containsKey(key.partner()))
					.map((key) -> Map.entry(key, found.get(key.partner())));
			})
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The sponsor of a partner as of an instant: the key of the batched sponsor lookup.
	 */
	record SponsorKey(PartnerNumber partner, Instant asOf) {
	}

}
