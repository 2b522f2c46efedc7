package io.treeline.graph;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads partners from the genealogy.
 */
public interface Partners {

	/**
	 * Returns the partner with the given number.
	 * @param number the business number
	 * @return the partner, or empty when no partner has that number
	 */
	Optional<Partner> find(PartnerNumber number);

	/**
	 * Returns several partners by number, in one round trip.
	 * @param numbers the numbers
	 * @return the partners found, by number; unknown numbers are absent
	 */
	Map<PartnerNumber, Partner> find(Collection<PartnerNumber> numbers);

	/**
	 * Returns one page of partners, ordered by number.
	 * @param query search text, start and size of the page
	 * @return at most {@code query.limit()} partners
	 */
	List<Partner> find(PartnerQuery query);

	/**
	 * Counts the partners a search text matches.
	 * @param search search text as in {@link PartnerQuery}, blank for all
	 * @return the number of matching partners
	 */
	long count(String search);

	/**
	 * Returns the sponsor of each given partner as of an instant, in one round trip.
	 * @param partners the partners whose sponsors are wanted
	 * @param asOf the instant at which the sponsor tree is read
	 * @return the sponsor by partner; partners without a sponsor then (roots, or not yet
	 * enrolled) are absent
	 */
	Map<PartnerNumber, Partner> sponsorsOf(Collection<PartnerNumber> partners, Instant asOf);

}
