package io.treeline.graph.organisation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.treeline.graph.ImportProblem;
import io.treeline.graph.ImportResult;
import io.treeline.graph.Leg;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationImport;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Partners;
import io.treeline.graph.Placement;
import io.treeline.graph.Sponsorship;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.stereotype.Component;

/**
 * {@link OrganisationImport} of CSV files read with Apache Commons CSV: every row is
 * turned into a domain record or a problem with its line; edges must name partners of the
 * file or of the genealogy and must not overlap in time; only a clean set of files is
 * loaded.
 */
@Component
class CsvOrganisationImport implements OrganisationImport {

	static final int MAX_PROBLEMS = 200;

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setTrim(true)
		.setIgnoreEmptyLines(true)
		.get();

	private final OrganisationLoader loader;

	private final Partners partners;

	CsvOrganisationImport(OrganisationLoader loader, Partners partners) {
		this.loader = loader;
		this.partners = partners;
	}

	@Override
	public ImportResult importCsv(Reader partnersFile, Reader sponsorshipsFile, Reader placementsFile) {
		List<ImportProblem> problems = new ArrayList<>();
		List<Located<Partner>> partnerRows = read("partners", partnersFile, problems, CsvOrganisationImport::partner,
				"number", "firstName", "lastName", "email", "city", "country", "language", "status", "joinedAt");
		List<Located<Sponsorship>> sponsorRows = read("sponsorships", sponsorshipsFile, problems,
				CsvOrganisationImport::sponsorship, "partner", "sponsor", "validFrom", "validTo");
		List<Located<Placement>> placementRows = (placementsFile != null) ? read("placements", placementsFile, problems,
				CsvOrganisationImport::placement, "partner", "parent", "plan", "position", "validFrom", "validTo")
				: List.of();
		Set<PartnerNumber> inFile = new HashSet<>();
		for (Located<Partner> row : partnerRows) {
			if (!inFile.add(row.value().number())) {
				problems.add(row.problem("the number " + row.value().number() + " appears twice"));
			}
		}
		Set<PartnerNumber> known = knownPartners(inFile, sponsorRows, placementRows);
		for (Located<Sponsorship> row : sponsorRows) {
			requireKnown(row, row.value().partner(), known, problems);
			requireKnown(row, row.value().sponsor(), known, problems);
			if (row.value().partner().equals(row.value().sponsor())) {
				problems.add(row.problem(row.value().partner() + " cannot sponsor itself"));
			}
		}
		for (Located<Placement> row : placementRows) {
			requireKnown(row, row.value().partner(), known, problems);
			requireKnown(row, row.value().parent(), known, problems);
		}
		refuseOverlaps(sponsorRows, (s) -> s.partner().value(), Sponsorship::validFrom, Sponsorship::validTo, problems);
		refuseOverlaps(placementRows, (p) -> p.partner().value() + " in " + p.plan(), Placement::validFrom,
				Placement::validTo, problems);
		if (problems.isEmpty()) {
			refuseCyclesAndTakenPositions(sponsorRows, placementRows, problems);
		}
		ImportResult result = new ImportResult(problems.stream()
			.sorted(Comparator.comparing(ImportProblem::file).thenComparingLong(ImportProblem::line))
			.limit(MAX_PROBLEMS)
			.toList(), partnerRows.size(), sponsorRows.size(), placementRows.size());
		if (result.loaded()) {
			this.loader.load(new Organisation(values(partnerRows), values(sponsorRows), values(placementRows)));
		}
		return result;
	}

	/**
	 * Checks the imported edges of each tree over their whole history (cycles, binary
	 * positions held twice). Edges already in the genealogy are not part of this check.
	 */
	private static void refuseCyclesAndTakenPositions(List<Located<Sponsorship>> sponsorRows,
			List<Located<Placement>> placementRows, List<ImportProblem> problems) {
		List<TreeSweep.Edge> sponsorEdges = sponsorRows.stream()
			.map(Located::value)
			.map((s) -> new TreeSweep.Edge(s.partner().value(), s.sponsor().value(), null, s.validFrom(), s.validTo()))
			.toList();
		TreeSweep.check(sponsorEdges)
			.forEach((index, message) -> problems.add(sponsorRows.get(index).problem(message)));
		Map<String, List<Located<Placement>>> byPlan = new TreeMap<>();
		placementRows
			.forEach((row) -> byPlan.computeIfAbsent(row.value().plan(), (plan) -> new ArrayList<>()).add(row));
		byPlan.forEach(
				(plan, rows) -> TreeSweep
					.check(rows.stream()
						.map(Located::value)
						.map((p) -> new TreeSweep.Edge(p.partner().value(), p.parent().value(),
								(p.leg() != null) ? p.leg().name() : null, p.validFrom(), p.validTo()))
						.toList())
					.forEach((index, message) -> problems.add(rows.get(index).problem(message))));
	}

	private Set<PartnerNumber> knownPartners(Set<PartnerNumber> inFile, List<Located<Sponsorship>> sponsorRows,
			List<Located<Placement>> placementRows) {
		Set<PartnerNumber> referenced = new HashSet<>();
		sponsorRows.forEach((row) -> referenced.addAll(List.of(row.value().partner(), row.value().sponsor())));
		placementRows.forEach((row) -> referenced.addAll(List.of(row.value().partner(), row.value().parent())));
		referenced.removeAll(inFile);
		Set<PartnerNumber> known = new HashSet<>(inFile);
		List<PartnerNumber> elsewhere = new ArrayList<>(referenced);
		for (int from = 0; from < elsewhere.size(); from += 10_000) {
			known.addAll(
					this.partners.find(elsewhere.subList(from, Math.min(elsewhere.size(), from + 10_000))).keySet());
		}
		return known;
	}

	private static void requireKnown(Located<?> row, PartnerNumber number, Set<PartnerNumber> known,
			List<ImportProblem> problems) {
		if (!known.contains(number)) {
			problems.add(row.problem("no partner has the number " + number + " (neither in the partners file nor in "
					+ "the genealogy)"));
		}
	}

	private static <T> void refuseOverlaps(List<Located<T>> rows, Function<T, String> key, Function<T, Instant> from,
			Function<T, Instant> to, List<ImportProblem> problems) {
		Map<String, List<Located<T>>> byKey = new HashMap<>();
		rows.forEach((row) -> byKey.computeIfAbsent(key.apply(row.value()), (k) -> new ArrayList<>()).add(row));
		for (List<Located<T>> edges : byKey.values()) {
			edges.sort(Comparator.comparing((Located<T> row) -> from.apply(row.value())));
			for (int i = 1; i < edges.size(); i++) {
				Instant previousEnd = to.apply(edges.get(i - 1).value());
				if (previousEnd == null || previousEnd.isAfter(from.apply(edges.get(i).value()))) {
					problems.add(edges.get(i)
						.problem("overlaps the edge of line " + edges.get(i - 1).line() + " for "
								+ key.apply(edges.get(i).value()) + "; a partner has one parent at a time"));
				}
			}
		}
	}

	private static <T> List<Located<T>> read(String file, Reader reader, List<ImportProblem> problems,
			Function<CSVRecord, T> convert, String... columns) {
		List<Located<T>> rows = new ArrayList<>();
		try (CSVParser parser = FORMAT.parse(reader)) {
			List<String> missing = new ArrayList<>(List.of(columns));
			missing.removeAll(parser.getHeaderNames());
			if (!missing.isEmpty()) {
				problems.add(new ImportProblem(file, 1, "the header lacks the columns " + String.join(", ", missing)));
				return rows;
			}
			for (CSVRecord record : parser) {
				long line = record.getRecordNumber() + 1;
				try {
					rows.add(new Located<>(file, line, convert.apply(record)));
				}
				catch (IllegalArgumentException | NullPointerException | DateTimeParseException ex) {
					problems.add(new ImportProblem(file, line, ex.getMessage()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the " + file + " file", ex);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			problems.add(new ImportProblem(file, 1, "not a readable CSV file: " + ex.getMessage()));
		}
		return rows;
	}

	private static Partner partner(CSVRecord row) {
		return new Partner(PartnerNumber.of(required(row, "number")), required(row, "firstName"),
				required(row, "lastName"), optional(row, "email"), optional(row, "city"), required(row, "country"),
				required(row, "language"), status(required(row, "status")), instant(row, "joinedAt"));
	}

	private static Sponsorship sponsorship(CSVRecord row) {
		return new Sponsorship(PartnerNumber.of(required(row, "partner")), PartnerNumber.of(required(row, "sponsor")),
				instant(row, "validFrom"), optionalInstant(row, "validTo"));
	}

	private static Placement placement(CSVRecord row) {
		String position = optional(row, "position");
		Leg leg = null;
		if (position != null) {
			try {
				leg = Leg.valueOf(position.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("position must be LEFT, RIGHT or empty (got '" + position + "')");
			}
		}
		return new Placement(PartnerNumber.of(required(row, "partner")), PartnerNumber.of(required(row, "parent")),
				required(row, "plan"), leg, instant(row, "validFrom"), optionalInstant(row, "validTo"));
	}

	private static PartnerStatus status(String value) {
		try {
			return PartnerStatus.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("status must be one of PENDING_CONFIRMATION, ACTIVE, SUSPENDED, "
					+ "TERMINATED (got '" + value + "')");
		}
	}

	private static String required(CSVRecord row, String column) {
		String value = optional(row, column);
		if (value == null) {
			throw new IllegalArgumentException(column + " is empty");
		}
		return value;
	}

	private static String optional(CSVRecord row, String column) {
		String value = row.isSet(column) ? row.get(column) : null;
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static Instant instant(CSVRecord row, String column) {
		Instant value = optionalInstant(row, column);
		if (value == null) {
			throw new IllegalArgumentException(column + " is empty");
		}
		return value;
	}

	private static Instant optionalInstant(CSVRecord row, String column) {
		String value = optional(row, column);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(column
					+ " must be an ISO-8601 instant with offset, e.g. 2026-01-01T00:00:00Z (got '" + value + "')");
		}
	}

	private static <T> List<T> values(Collection<Located<T>> rows) {
		return rows.stream().map(Located::value).toList();
	}

	/** A value read from a line of a file. */
	private record Located<T>(String file, long line, T value) {

		ImportProblem problem(String message) {
			return new ImportProblem(this.file, this.line, message);
		}

	}

}
