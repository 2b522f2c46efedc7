package io.treeline.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The downline page through the real GraphQL path: HTTP requests to the portal
 * application started on the benchmark's stores, from 1, 16 and 64 concurrent clients.
 * Adds its figures to {@code results-SIZE.csv} and writes the report and the plots again.
 * Run by {@code ./benchmark/run} after the benchmark, with
 * {@code --url=http://localhost:PORT --size=SIZE --seed=SEED --password=PASSWORD
 * --folder=docs/benchmarks [--log=PORTAL_LOG]}; with the portal's log, the pages are
 * measured once the portal has filled its partner cache.
 */
public final class GraphQlClients {

	private static final Logger logger = LoggerFactory.getLogger(GraphQlClients.class);

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

	private static final String QUERY = """
			query Downline($number: String!) {
			  downline(number: $number, first: 20) {
			    totalCount edges { level node { number name } } pageInfo { hasNextPage endCursor }
			  }
			}""";

	private static final int[] CLIENTS = { 1, 16, 64 };

	private final URI url;

	private final int size;

	private final long seed;

	private final String password;

	/**
	 * The portal's log, or {@code null}: the partner cache's fill is waited for there.
	 */
	private final Path log;

	private final HttpClient http;

	private GraphQlClients(URI url, int size, long seed, String password, Path log) {
		this.url = url;
		this.size = size;
		this.seed = seed;
		this.password = password;
		this.log = log;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(30))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String argument : args) {
			int equals = argument.indexOf('=');
			options.put(argument.substring(2, equals), argument.substring(equals + 1));
		}
		int size = Integer.parseInt(options.get("size"));
		GraphQlClients clients = new GraphQlClients(URI.create(options.get("url")), size,
				Long.parseLong(options.getOrDefault("seed", "20261126")), options.get("password"),
				options.containsKey("log") ? Path.of(options.get("log")) : null);
		Path folder = Path.of(options.getOrDefault("folder", "docs/benchmarks"));
		Path file = Results.file(folder, size);
		Results results = Results.read(file, size);
		clients.measure(results);
		results.write(file);
		List<String> plots = Plots.write(folder);
		Report.write(folder.resolve("run-" + size + ".md"), results, plots);
		logger.info("GraphQL figures added to {}", file.toAbsolutePath());
	}

	private void measure(Results results) throws Exception {
		signIn();
		long started = System.nanoTime();
		page(GeneratedCompany.number(0), Duration.ofHours(1));
		List<Results.Row> rows = new ArrayList<>();
		rows.add(new Results.Row("graphql-first", "First GraphQL downline page after the portal started",
				Results.MILLIS, Results.number((System.nanoTime() - started) / 1e6), Double.NaN, Double.NaN, Double.NaN,
				"the portal reads the tree's history from Neo4j and builds it"));
		if (this.log != null) {
			rows.add(cacheFilled());
		}
		// warm-up, not measured: the portal's code paths are compiled before the figures
		ConcurrentClients.run(4, (client) -> {
			SplittableRandom random = new SplittableRandom(-this.seed - client);
			for (int i = 0; i < 500; i++) {
				page(GeneratedCompany.number(random.nextInt(this.size)), Duration.ofMinutes(1));
			}
		});
		for (int clients : CLIENTS) {
			int perClient = Math.max(2_000 / clients, 200);
			long[][] times = new long[clients][perClient];
			long begin = System.nanoTime();
			ConcurrentClients.run(clients, (client) -> {
				SplittableRandom random = new SplittableRandom(this.seed + client);
				for (int i = 0; i < perClient; i++) {
					String partner = GeneratedCompany.number(random.nextInt(this.size));
					long sent = System.nanoTime();
					page(partner, Duration.ofMinutes(1));
					times[client][i] = System.nanoTime() - sent;
				}
			});
			double seconds = (System.nanoTime() - begin) / 1e9;
			long[] all = new long[clients * perClient];
			for (int c = 0; c < clients; c++) {
				System.arraycopy(times[c], 0, all, c * perClient, perClient);
			}
			rows.add(new Results.Row("graphql-c" + clients,
					String.format(Locale.ROOT,
							"Downline page of 20 through GraphQL over HTTP, %d concurrent client%s, p99", clients,
							(clients == 1) ? "" : "s"),
					Results.MILLIS, Results.number(Report.percentile(all, 99)), Double.NaN, Double.NaN, Double.NaN,
					String.format(Locale.ROOT,
							"p50 %s ms; %,d pages, %,.0f pages/s; the portal application on the benchmark's stores "
									+ "after 2,000 warm-up pages, the same random partners as above, with names "
									+ "(kept in memory by the portal, read from Neo4j once), one signed-in session",
							Report.format(Report.percentile(all, 50)), all.length, all.length / seconds)));
		}
		results.addAfter("downline-c64", rows);
	}

	/**
	 * Waits until the portal has read every partner into its partner cache, which the
	 * first page began (names of the pages' partners come from there; until it is full
	 * they are read from Neo4j, and the figures would measure the fill beside the pages).
	 * @return the fill's time as the portal logged it
	 */
	private Results.Row cacheFilled() throws IOException, InterruptedException {
		Pattern filled = Pattern
			.compile("Read (\\d+) partners into the cache in (\\d+) ms(, going on after partner (\\S+))?");
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (System.nanoTime() < deadline) {
			for (String line : Files.readAllLines(this.log, StandardCharsets.UTF_8)) {
				Matcher matcher = filled.matcher(line);
				if (matcher.find()) {
					return new Results.Row("graphql-cache-fill", "Partner cache filled after the portal started",
							Results.MILLIS, Results.number(Double.parseDouble(matcher.group(2))), Double.NaN,
							Double.NaN, Double.NaN,
							String.format(Locale.ROOT,
									"%,d partners read from Neo4j in pages of 10,000 and packed, in the background "
											+ "after the first page%s; the pages below are measured once it is done",
									Long.parseLong(matcher.group(1)),
									(matcher.group(4) != null) ? " (only those after " + matcher.group(4)
											+ ": a change had stopped the fill, which went on there)" : ""));
				}
				if (line.contains("more than the partner cache keeps")
						|| line.contains("Reading all partners into the cache failed")) {
					throw new IllegalStateException("The portal does not keep all partners in its cache: " + line);
				}
			}
			Thread.sleep(1_000);
		}
		throw new IllegalStateException("The portal did not fill its partner cache within 30 minutes, see " + this.log);
	}

	/**
	 * Signs in through the log-in form, so requests do not each pay for a password hash.
	 */
	private void signIn() throws IOException, InterruptedException {
		HttpResponse<String> form = this.http.send(HttpRequest.newBuilder(this.url.resolve("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(form.body());
		if (!token.find()) {
			throw new IllegalStateException("The log-in page has no CSRF token");
		}
		String body = "username=admin&password=" + URLEncoder.encode(this.password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = this.http.send(HttpRequest.newBuilder(this.url.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Signing in failed: " + signedIn.statusCode());
		}
	}

	private void page(String partner, Duration timeout) {
		String body = "{\"query\":" + json(QUERY) + ",\"variables\":{\"number\":\"" + partner + "\"}}";
		// the credentials name the session's user, so the session is used and the
		// password
		// is not checked again; no CSRF token is needed with own credentials
		String credentials = Base64.getEncoder()
			.encodeToString(("admin:" + this.password).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(this.url.resolve("/graphql"))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + credentials)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
				throw new IllegalStateException(
						"GraphQL answered " + response.statusCode() + ": " + response.body().lines().findFirst());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("GraphQL request failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
