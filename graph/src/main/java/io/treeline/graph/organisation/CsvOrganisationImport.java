package io.treeline.graph.organisation;

import java.io.BufferedReader;
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
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.treeline.graph.ClosedPeriods;
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
import io.treeline.graph.PlacementPlans;
import io.treeline.graph.Placement;
import io.treeline.graph.Sponsorship;
import io.treeline.graph.organisation.TreeSweep.Edge;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@link OrganisationImport} of CSV files read with Apache Commons CSV: every row is
 * turned into a domain record or a problem with its line; edges must name partners of the
 * file or of the genealogy, and each tree is checked with {@link TreeCheck} against
 * itself and the genealogy; only a clean set of files is loaded.
 */
@Component
class CsvOrganisationImport implements OrganisationImport {

	static final int MAX_PROBLEMS = 200;

	private static final Logger logger = LoggerFactory.getLogger(CsvOrganisationImport.class);

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setTrim(true)
		.setIgnoreEmptyLines(true)
		.get();

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private final OrganisationLoader loader;

	private final Partners partners;

	private final CypherStoredEdges storedEdges;

	private final ClosedPeriods closedPeriods;

	CsvOrganisationImport(OrganisationLoader loader, Partners partners, CypherStoredEdges storedEdges,
			ClosedPeriods closedPeriods) {
		this.loader = loader;
		this.partners = partners;
		this.storedEdges = storedEdges;
		this.closedPeriods = closedPeriods;
	}

	@Override
	public ImportResult importCsv(Reader partnersFile, Reader sponsorshipsFile, Reader placementsFile,
			PlacementPlans plans) {
		return run(partnersFile, sponsorshipsFile, placementsFile, Objects.requireNonNull(plans, "plans"));
	}

	@Override
	public ImportResult importCsv(Reader partnersFile, Reader sponsorshipsFile, Reader placementsFile) {
		return run(partnersFile, sponsorshipsFile, placementsFile, null);
	}

	private ImportResult run(Reader partnersFile, Reader sponsorshipsFile, Reader placementsFile,
			PlacementPlans plans) {
		long started = System.nanoTime();
		Checked checked = readAndCheck(partnersFile, sponsorshipsFile, placementsFile, plans);
		ImportResult result = checked.result();
		logger.info("Read and checked {} partners, {} sponsor edges and {} placement edges in {} ms: {} problems",
				result.partners(), result.sponsorships(), result.placements(),
				(System.nanoTime() - started) / 1_000_000, result.problemCount());
		if (result.loaded()) {
			this.loader.add(checked.additions());
		}
		return result;
	}

	/**
	 * Reads and checks the files. The rows and the checks' state are gone when it
	 * returns, before the load: only the partners and edges to add are held then.
	 */
	private Checked readAndCheck(Reader partnersFile, Reader sponsorshipsFile, Reader placementsFile,
			PlacementPlans plans) {
		List<ImportProblem> problems = new ArrayList<>();
		SharedValues shared = new SharedValues();
		List<Located<Partner>> partnerRows = read("partners", partnersFile, problems, (row) -> partner(row, shared),
				"number", "firstName", "lastName", "email", "city", "country", "language", "status", "joinedAt");
		List<Located<Sponsorship>> sponsorRows = read("sponsorships", sponsorshipsFile, problems,
				(row) -> sponsorship(row, shared), "partner", "sponsor", "validFrom", "validTo");
		List<Located<Placement>> placementRows = (placementsFile != null) ? read("placements", placementsFile, problems,
				(row) -> placement(row, shared), "partner", "parent", "plan", "position", "validFrom", "validTo")
				: List.of();
		Set<PartnerNumber> inFile = new HashSet<>();
		for (Located<Partner> row : partnerRows) {
			if (!inFile.add(row.value().number())) {
				problems.add(row.problem("the number " + row.value().number() + " appears twice"));
			}
		}
		Map<PartnerNumber, Partner> stored = storedPartners(partnerRows, sponsorRows, placementRows);
		refuseChangedPartners(partnerRows, stored, problems);
		Predicate<PartnerNumber> known = (number) -> inFile.contains(number) || stored.containsKey(number);
		Set<String> storedNumbers = new HashSet<>();
		stored.keySet().forEach((number) -> storedNumbers.add(number.value()));
		Instant closedUntil = this.closedPeriods.closedUntil();
		Set<Long> storedSponsorLines = checkSponsorTree(sponsorRows, known, storedNumbers, closedUntil, problems);
		Set<Long> storedPlacementLines = checkPlacementTrees(placementRows, plans, known, storedNumbers, closedUntil,
				problems);

		ImportResult result = new ImportResult(problems.stream()
			.sorted(Comparator.comparing(ImportProblem::file).thenComparingLong(ImportProblem::line))
			.limit(MAX_PROBLEMS)
			.toList(), problems.size(), partnerRows.size(), sponsorRows.size(), placementRows.size());
		if (!result.loaded()) {
			return new Checked(result, null);
		}
		// only what the genealogy does not hold: the same again changes nothing, and what
		// an interrupted import left is not created twice
		return new Checked(result,
				new Organisation(
						partnerRows.stream()
							.map(Located::value)
							.filter((partner) -> !stored.containsKey(partner.number()))
							.toList(),
						newRows(sponsorRows, storedSponsorLines), newRows(placementRows, storedPlacementLines)));
	}

	/**
	 * Checks the sponsor edges.
	 * @return the lines of edges the genealogy holds already
	 */
	private Set<Long> checkSponsorTree(List<Located<Sponsorship>> sponsorRows, Predicate<PartnerNumber> known,
			Set<String> storedNumbers, Instant closedUntil, List<ImportProblem> problems) {
		List<Located<Edge>> edges = new ArrayList<>();
		for (Located<Sponsorship> row : sponsorRows) {
			Sponsorship edge = row.value();
			int before = problems.size();
			requireKnown(row, edge.partner(), known, problems);
			requireKnown(row, edge.sponsor(), known, problems);
			if (edge.partner().equals(edge.sponsor())) {
				problems.add(row.problem(edge.partner() + " cannot sponsor itself"));
			}
			if (problems.size() == before) {
				edges.add(new Located<>(row.file(), row.line(), new Edge(edge.partner().value(), edge.sponsor().value(),
						null, edge.validFrom(), edge.validTo())));
			}
		}
		TreeCheck check = new TreeCheck("", storedNumbers, this.storedEdges.sponsorTree(), 0, closedUntil);
		problems.addAll(check.check(edges));
		return check.storedAlready();
	}

	/**
	 * Checks the placement edges, tree by tree.
	 * @return the lines of edges the genealogy holds already
	 */
	private Set<Long> checkPlacementTrees(List<Located<Placement>> placementRows, PlacementPlans plans,
			Predicate<PartnerNumber> known, Set<String> storedNumbers, Instant closedUntil,
			List<ImportProblem> problems) {
		Map<String, List<Located<Placement>>> byPlan = new TreeMap<>();
		for (Located<Placement> row : placementRows) {
			Placement edge = row.value();
			int before = problems.size();
			requireKnown(row, edge.partner(), known, problems);
			requireKnown(row, edge.parent(), known, problems);
			if (edge.partner().equals(edge.parent())) {
				problems.add(row.problem(edge.partner() + " cannot be placed under itself"));
			}
			requireShape(row, plans, problems);
			if (problems.size() == before) {
				byPlan.computeIfAbsent(edge.plan(), (plan) -> new ArrayList<>()).add(row);
			}
		}
		Set<Long> storedAlready = new HashSet<>();
		byPlan.forEach((plan, rows) -> {
			// one tree's edges at a time
			List<Located<Edge>> edges = new ArrayList<>(rows.size());
			rows.forEach((row) -> edges.add(new Located<>(row.file(), row.line(),
					new Edge(row.value().partner().value(), row.value().parent().value(),
							(row.value().leg() != null) ? row.value().leg().name() : null, row.value().validFrom(),
							row.value().validTo()))));
			TreeCheck check = new TreeCheck(" in " + plan, storedNumbers, this.storedEdges.placementTree(plan),
					width(plans, plan), closedUntil);
			problems.addAll(check.check(edges));
			storedAlready.addAll(check.storedAlready());
		});
		return storedAlready;
	}

	/**
	 * What the check of the files found.
	 *
	 * @param result the import's outcome
	 * @param additions what the genealogy does not hold yet, {@code null} when the files
	 * were refused
	 */
	private record Checked(ImportResult result, Organisation additions) {

	}

	/**
	 * Returns the partners of the genealogy that the files name, in the partners file or
	 * in edges, read in batches of numbers; none without a look-up when the genealogy is
	 * empty (the first import of an organisation).
	 */
	private Map<PartnerNumber, Partner> storedPartners(List<Located<Partner>> partnerRows,
			List<Located<Sponsorship>> sponsorRows, List<Located<Placement>> placementRows) {
		if (this.partners.count(null) == 0) {
			return Map.of();
		}
		Set<PartnerNumber> named = new HashSet<>();
		partnerRows.forEach((row) -> named.add(row.value().number()));
		sponsorRows.forEach((row) -> named.addAll(List.of(row.value().partner(), row.value().sponsor())));
		placementRows.forEach((row) -> named.addAll(List.of(row.value().partner(), row.value().parent())));
		List<PartnerNumber> numbers = new ArrayList<>(named);
		Map<PartnerNumber, Partner> stored = new HashMap<>();
		for (int from = 0; from < numbers.size(); from += CypherStoredEdges.BATCH_SIZE) {
			stored.putAll(this.partners
				.find(numbers.subList(from, Math.min(numbers.size(), from + CypherStoredEdges.BATCH_SIZE))));
		}
		return stored;
	}

	/**
	 * Refuses partners of the file that the genealogy holds with other data: an import
	 * never changes a partner; the same partner again (a repeated import) is fine.
	 */
	private static void refuseChangedPartners(List<Located<Partner>> partnerRows, Map<PartnerNumber, Partner> stored,
			List<ImportProblem> problems) {
		for (Located<Partner> row : partnerRows) {
			Partner before = stored.get(row.value().number());
			if (before == null || before.equals(row.value())) {
				continue;
			}
			Partner after = row.value();
			List<String> differences = new ArrayList<>();
			difference("firstName", before.firstName(), after.firstName(), differences);
			difference("lastName", before.lastName(), after.lastName(), differences);
			difference("email", before.email(), after.email(), differences);
			difference("city", before.city(), after.city(), differences);
			difference("country", before.country(), after.country(), differences);
			difference("language", before.language(), after.language(), differences);
			difference("status", before.status(), after.status(), differences);
			difference("joinedAt", before.joinedAt(), after.joinedAt(), differences);
			problems.add(row.problem(after.number() + " is in the genealogy already with "
					+ String.join(", ", differences) + "; an import adds partners, it never changes them"));
		}
	}

	private static void difference(String field, Object before, Object after, List<String> differences) {
		if (!Objects.equals(before, after)) {
			differences.add(field + " " + quoted(before) + " (the file: " + quoted(after) + ")");
		}
	}

	private static String quoted(Object value) {
		return (value != null) ? "'" + value + "'" : "empty";
	}

	private static void requireKnown(Located<?> row, PartnerNumber number, Predicate<PartnerNumber> known,
			List<ImportProblem> problems) {
		if (!known.test(number)) {
			problems.add(row.problem("no partner has the number " + number + " (neither in the partners file nor in "
					+ "the genealogy)"));
		}
	}

	/**
	 * Requires, where the plans are known, a plan with a placement tree, and a position
	 * exactly in binary plans.
	 */
	private static void requireShape(Located<Placement> row, PlacementPlans plans, List<ImportProblem> problems) {
		if (plans == null) {
			return;
		}
		String plan = row.value().plan();
		if (!plans.contains(plan)) {
			problems.add(row.problem("no binary or matrix plan is named '" + plan + "'"));
		}
		else if (plans.binary().contains(plan) && row.value().leg() == null) {
			problems.add(row.problem("position must be LEFT or RIGHT in the binary plan " + plan));
		}
		else if (plans.matrixWidths().containsKey(plan) && row.value().leg() != null) {
			problems.add(row.problem("position must be empty in the matrix plan " + plan));
		}
	}

	private static int width(PlacementPlans plans, String plan) {
		return (plans != null) ? plans.matrixWidths().getOrDefault(plan, 0) : 0;
	}

	private static <T> List<Located<T>> read(String file, Reader reader, List<ImportProblem> problems,
			Function<CSVRecord, T> convert, String... columns) {
		List<Located<T>> rows = new ArrayList<>();
		try (CSVParser parser = FORMAT.parse(withoutByteOrderMark(reader))) {
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

	/**
	 * Skips the byte order mark that spreadsheet programs write at the start of UTF-8
	 * files, which would otherwise become part of the first column's name.
	 */
	private static Reader withoutByteOrderMark(Reader reader) throws IOException {
		BufferedReader buffered = (reader instanceof BufferedReader b) ? b : new BufferedReader(reader);
		buffered.mark(1);
		if (buffered.read() != BYTE_ORDER_MARK) {
			buffered.reset();
		}
		return buffered;
	}

	private static Partner partner(CSVRecord row, SharedValues shared) {
		return new Partner(shared.number(required(row, "number")), shared.text(required(row, "firstName")),
				shared.text(required(row, "lastName")), optional(row, "email"), shared.text(optional(row, "city")),
				shared.text(required(row, "country")), shared.text(required(row, "language")),
				status(required(row, "status")), instant(row, "joinedAt"));
	}

	private static Sponsorship sponsorship(CSVRecord row, SharedValues shared) {
		return new Sponsorship(shared.number(required(row, "partner")), shared.number(required(row, "sponsor")),
				instant(row, "validFrom"), optionalInstant(row, "validTo"));
	}

	private static Placement placement(CSVRecord row, SharedValues shared) {
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
		return new Placement(shared.number(required(row, "partner")), shared.number(required(row, "parent")),
				shared.text(required(row, "plan")), leg, instant(row, "validFrom"), optionalInstant(row, "validTo"));
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

	private static <T> List<T> newRows(Collection<Located<T>> rows, Set<Long> storedLines) {
		return rows.stream().filter((row) -> !storedLines.contains(row.line())).map(Located::value).toList();
	}

}
