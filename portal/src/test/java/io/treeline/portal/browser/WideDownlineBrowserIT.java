package io.treeline.portal.browser;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.treeline.graph.Genealogy;
import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Partners;
import io.treeline.graph.Sponsorship;
import io.treeline.graph.Tree;
import io.treeline.portal.TestAccounts;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downline explorer on a partner with 10,000 direct partners, in a real browser: its
 * rows appear when it is opened, expanded and scrolled to the end, and the grid reads
 * only pages of them; a partner with ten direct partners is measured beside it. How long
 * each step takes is measured in the page and written to
 * {@code target/benchmarks/explorer-10k-children.md}; it is recorded, not asserted (a run
 * of it is kept in {@code docs/benchmarks}). {@code -Dtreeline.explorer.runs=5} repeats
 * the steps.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WideDownlineBrowserIT extends BrowserSupport {

	private static final int CHILDREN = 10_000;

	private static final String TOP = "W-TOP";

	private static final String LEADER = "W-LEADER";

	/** A partner with ten direct partners beside it, for comparison. */
	private static final String NARROW = "W-NARROW";

	private static final String NARROW_FIRST = "N-01";

	private static final Instant JOINED = Instant.parse("2026-01-05T09:00:00Z");

	private static final String COMMAND = "./mvnw -pl portal -am verify -Dtest=NoUnit -Dsurefire.failIfNoSpecifiedTests=false "
			+ "-Dit.test=WideDownlineBrowserIT -Dfailsafe.failIfNoSpecifiedTests=false -Dtreeline.explorer.runs=5";

	/** Waits in the page until a cell shows a text, then reports the milliseconds. */
	private static final String WAIT_FOR_CELL = """
			const done = arguments[arguments.length - 1];
			const visible = (text, exact) => {
			  const grid = document.getElementById('downline-grid');
			  if (!grid) { return false; }
			  const box = grid.getBoundingClientRect();
			  return Array.from(grid.querySelectorAll('vaadin-grid-cell-content')).some((cell) => {
			    const content = cell.textContent.trim();
			    if (exact ? content !== text : !content.includes(text)) { return false; }
			    const r = cell.getBoundingClientRect();
			    return r.height > 0 && r.bottom > box.top && r.top < box.bottom;
			  });
			};
			const waitFor = (text, exact, started, eachFrame) => {
			  const poll = () => {
			    if (visible(text, exact)) { done(performance.now() - started); return; }
			    if (performance.now() - started > 60000) { done(-1); return; }
			    if (eachFrame) { eachFrame(); }
			    requestAnimationFrame(poll);
			  };
			  poll();
			};
			""";

	/** Milliseconds from the start of the navigation until the cell shows. */
	private static final String OPENED = WAIT_FOR_CELL + "waitFor(arguments[0], arguments[1], 0);";

	/**
	 * Milliseconds from the start of the navigation until the neighbourhood drawing has
	 * its nodes (at most: if it was drawn before, the time of the first look).
	 */
	private static final String DRAWN = """
			const done = arguments[arguments.length - 1];
			const poll = () => {
			  const drawing = document.getElementById('neighbourhood-graph');
			  if (drawing && drawing.__cy && drawing.__cy.nodes().length > 0) { done(performance.now()); return; }
			  if (performance.now() > 60000) { done(-1); return; }
			  requestAnimationFrame(poll);
			};
			poll();
			""";

	/** Clicks the tree toggle of a partner's row; milliseconds until the cell shows. */
	private static final String EXPANDED = WAIT_FOR_CELL + """
			const toggle = Array.from(document.querySelectorAll('#downline-grid vaadin-grid-tree-toggle'))
			  .find((t) => !t.hasAttribute('leaf') && t.textContent.includes(arguments[0]));
			const started = performance.now();
			toggle.click();
			waitFor(arguments[1], true, started);
			""";

	/**
	 * Drags the scroll bar to the bottom (again in every frame, as a user holds it there
	 * while the grid settles); milliseconds until the cell shows.
	 */
	private static final String SCROLLED_TO_END = WAIT_FOR_CELL + """
			const scroller = document.getElementById('downline-grid').$.table;
			const bottom = () => { scroller.scrollTop = scroller.scrollHeight; };
			const started = performance.now();
			bottom();
			waitFor(arguments[0], true, started, bottom);
			""";

	@MockitoSpyBean
	Partners partners;

	@Autowired
	OrganisationLoader loader;

	@Autowired
	Genealogy genealogy;

	@Test
	void opensExpandsAndScrollsTenThousandDirectPartnersReadingOnlyPagesOfThem() throws IOException {
		this.loader.load(wideOrganisation());
		GenealogySnapshot tree = this.genealogy.snapshot(Tree.SPONSOR, Instant.now());
		int[] children = tree.children(tree.id(PartnerNumber.of(LEADER)).orElseThrow());
		assertThat(children).hasSize(CHILDREN);
		String first = tree.number(children[0]).value();
		String last = tree.number(children[CHILDREN - 1]).value();
		Set<String> childNumbers = new HashSet<>();
		for (int child : children) {
			childNumbers.add(tree.number(child).value());
		}
		String leaderName = this.partners.find(PartnerNumber.of(LEADER)).orElseThrow().name();
		String narrowName = this.partners.find(PartnerNumber.of(NARROW)).orElseThrow().name();
		signIn();

		Measurements measured = new Measurements();
		int runs = Integer.getInteger("treeline.explorer.runs", 1);
		for (int run = 0; run < runs; run++) {
			Mockito.clearInvocations(this.partners);
			this.browser.get(url("/downline?partner=" + TOP));
			measured.add("Open the explorer on the sponsor: its row with the partner shows (from navigation start)",
					inPage(OPENED, leaderName, false));
			measured.add("Expand the partner with 10 beside it (for comparison): its first shows",
					inPage(EXPANDED, narrowName, NARROW_FIRST));
			measured.add("Expand the partner with 10,000: its first direct partners show",
					inPage(EXPANDED, leaderName, first));
			measured.add("Scroll to the end: the last of the 10,000 shows", inPage(SCROLLED_TO_END, last));
			Set<String> read = readChildren(childNumbers);
			assertThat(read).as("direct partners read after expanding and scrolling").contains(first, last);
			assertThat(read.size()).as("only pages of the 10,000 are read").isLessThan(1_000);
			measured.count("Direct partners read (expand and scroll)", read.size());

			Mockito.clearInvocations(this.partners);
			this.browser.get(url("/downline?partner=" + LEADER));
			measured.add("Open the explorer on the partner itself: its first direct partners show "
					+ "(from navigation start)", inPage(OPENED, first, true));
			measured.add("… and the drawing of its neighbourhood (42 nodes) is ready (from navigation start, at most)",
					inPage(DRAWN));
			measured.add("Scroll to the end again: the last shows", inPage(SCROLLED_TO_END, last));
			read = readChildren(childNumbers);
			assertThat(read).contains(first, last);
			assertThat(read.size()).isLessThan(1_000);
			measured.count("Direct partners read (open and scroll)", read.size());
			measured.count("Largest single read of partners", largestRead());

			this.browser.get(url("/downline?partner=" + NARROW));
			measured.add("Open the explorer on the partner with 10 (for comparison): its first shows "
					+ "(from navigation start)", inPage(OPENED, NARROW_FIRST, true));
			measured.add("… and the drawing of its neighbourhood (12 nodes) is ready (from navigation start, at most)",
					inPage(DRAWN));
		}
		Path report = measured.write(this.browser.getCapabilities().getBrowserVersion(), runs);
		assertThat(report).exists();
	}

	private void signIn() {
		this.browser.get(url("/"));
		LoginPage.signIn(this.browser, this.wait, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
	}

	/** Runs a measuring script; a step that never shows its row fails the test. */
	private double inPage(String script, Object... arguments) {
		double millis = ((Number) this.browser.executeAsyncScript(script, arguments)).doubleValue();
		assertThat(millis).as("the row appears within a minute").isNotNegative();
		return millis;
	}

	private Set<String> readChildren(Set<String> childNumbers) {
		return readsOfPartners().stream()
			.flatMap(Collection::stream)
			.filter(childNumbers::contains)
			.collect(Collectors.toSet());
	}

	private int largestRead() {
		return readsOfPartners().stream().mapToInt(List::size).max().orElse(0);
	}

	/** The numbers of every batched read of partners since the last clear. */
	private List<List<String>> readsOfPartners() {
		List<List<String>> reads = new ArrayList<>();
		for (Invocation invocation : Mockito.mockingDetails(this.partners).getInvocations()) {
			if (invocation.getMethod().getName().equals("find")
					&& invocation.getArgument(0) instanceof Collection<?> numbers) {
				reads.add(numbers.stream().map((number) -> ((PartnerNumber) number).value()).toList());
			}
		}
		return reads;
	}

	/**
	 * A top partner with two direct partners: one with 10,000 direct partners, one with
	 * ten.
	 */
	private static Organisation wideOrganisation() {
		List<Partner> partners = new ArrayList<>(CHILDREN + 13);
		List<Sponsorship> sponsorships = new ArrayList<>(CHILDREN + 12);
		partners.add(partner(TOP, "Tara", "Oben"));
		partners.add(partner(LEADER, "Lea", "Breit"));
		partners.add(partner(NARROW, "Nina", "Schmal"));
		sponsorships.add(new Sponsorship(PartnerNumber.of(LEADER), PartnerNumber.of(TOP), JOINED, null));
		sponsorships.add(new Sponsorship(PartnerNumber.of(NARROW), PartnerNumber.of(TOP), JOINED, null));
		for (int i = 1; i <= 10; i++) {
			String number = "N-%02d".formatted(i);
			partners.add(partner(number, "Partner", "Schmale " + i));
			sponsorships.add(new Sponsorship(PartnerNumber.of(number), PartnerNumber.of(NARROW), JOINED, null));
		}
		for (int i = 1; i <= CHILDREN; i++) {
			String number = "W-%05d".formatted(i);
			partners.add(partner(number, "Partner", "Breite " + i));
			sponsorships.add(new Sponsorship(PartnerNumber.of(number), PartnerNumber.of(LEADER), JOINED, null));
		}
		return new Organisation(partners, sponsorships, List.of());
	}

	private static Partner partner(String number, String firstName, String lastName) {
		return new Partner(PartnerNumber.of(number), firstName, lastName, number.toLowerCase() + "@example.com",
				"Weiden", "DE", "de", PartnerStatus.ACTIVE, JOINED);
	}

	/** Figures per step and run, written as a Markdown table. */
	private static final class Measurements {

		private final Map<String, List<Double>> millis = new LinkedHashMap<>();

		private final Map<String, List<Integer>> counts = new LinkedHashMap<>();

		void add(String step, double value) {
			this.millis.computeIfAbsent(step, (key) -> new ArrayList<>()).add(value);
		}

		void count(String what, int value) {
			this.counts.computeIfAbsent(what, (key) -> new ArrayList<>()).add(value);
		}

		Path write(String chromium, int runs) throws IOException {
			StringBuilder text = new StringBuilder();
			text.append("# Downline explorer: a partner with 10,000 direct partners\n\n");
			text.append("Measured by `WideDownlineBrowserIT` on ")
				.append(LocalDate.now(ZoneOffset.UTC))
				.append(" in headless Chromium ")
				.append(chromium)
				.append(" (window 1440×900) against the application on its embedded stores, ")
				.append(Runtime.getRuntime().availableProcessors())
				.append(" cores, ")
				.append(runs)
				.append((runs == 1) ? " run" : " runs")
				.append(" (load average %.1f when written)"
					.formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
				.append(". Times in milliseconds, taken in the page (`performance.now()`) until the ")
				.append("row is laid out inside the grid's viewport; each run opens the page anew.\n\n");
			text.append("```\n").append(COMMAND).append("\n```\n\n");
			text.append("| Step |");
			for (int run = 1; run <= runs; run++) {
				text.append(" run ").append(run).append(" |");
			}
			text.append(" median |\n|---|");
			text.append("---:|".repeat(runs + 1)).append('\n');
			this.millis.forEach((step, values) -> {
				text.append("| ").append(step).append(" |");
				values.forEach((value) -> text.append(" %.0f |".formatted(value)));
				text.append(" %.0f |\n".formatted(median(values)));
			});
			this.counts.forEach((what, values) -> {
				text.append("| ").append(what).append(" |");
				values.forEach((value) -> text.append(" ").append(value).append(" |"));
				text.append(" |\n");
			});
			Path report = Files.createDirectories(Path.of("target/benchmarks")).resolve("explorer-10k-children.md");
			Files.writeString(report, text);
			return report;
		}

		private static double median(List<Double> values) {
			List<Double> sorted = values.stream().sorted().toList();
			int middle = sorted.size() / 2;
			return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		}

	}

}
