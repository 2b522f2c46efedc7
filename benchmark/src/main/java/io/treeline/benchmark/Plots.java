package io.treeline.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Plots of time against size, ours beside the baselines and the floor, from the results
 * of every size measured (both axes logarithmic). Written as PNG with JFreeChart,
 * headless.
 */
final class Plots {

	private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
			new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b) };

	private static final List<Plot> PLOTS = List.of(
			new Plot("plot-close.png", "Commission close of the last period, end to end",
					List.of(ours("close-unilevel", "unilevel close", 0), cte("close-unilevel", "unilevel by CTE", 0),
							cypher("close-unilevel", "unilevel by Cypher", 0),
							floor("close-unilevel", "unilevel floor", 0), ours("close-binary", "binary close", 1))),
			new Plot("plot-downline.png", "Downline page of 20, p99",
					List.of(ours("downline-c1", "1 client, service", 0), ours("downline-c16", "16 clients, service", 1),
							ours("downline-c64", "64 clients, service", 2), ours("graphql-c1", "1 client, GraphQL", 3),
							ours("graphql-c16", "16 clients, GraphQL", 4),
							ours("graphql-c64", "64 clients, GraphQL", 5),
							cypher("downline-c1", "1 client, Cypher", 0))),
			new Plot("plot-team-stats.png", "Team statistics as of a random date, p99",
					List.of(ours("stats-root", "root", 0), cte("stats-root", "root by CTE", 0),
							cypher("stats-root", "root by Cypher", 0), floor("stats-root", "root floor", 0),
							ours("stats-leader", "leader", 1), cte("stats-leader", "leader by CTE", 1),
							cypher("stats-leader", "leader by Cypher", 1), floor("stats-leader", "leader floor", 1),
							ours("stats-deep", "deep-leg partner", 2), cte("stats-deep", "deep-leg by CTE", 2),
							cypher("stats-deep", "deep-leg by Cypher", 2), floor("stats-deep", "deep-leg floor", 2))),
			new Plot("plot-upline.png", "Upline at the deepest point (p50)",
					List.of(ours("upline", "ours", 0), cte("upline", "CTE", 0), cypher("upline", "Cypher", 0),
							floor("upline", "floor", 0))),
			new Plot("plot-load.png", "Loading",
					List.of(ours("import", "bulk import of the organisation", 0),
							ours("changes", "genealogy change, each", 1), ours("orders", "order import", 2),
							ours("snapshot-sponsor", "first sponsor tree", 3))));

	private Plots() {
	}

	/**
	 * Writes every plot into a folder from the results found there.
	 * @param folder the folder with {@code results-SIZE.csv} files
	 * @return the names of the files written
	 */
	static List<String> write(Path folder) {
		List<Results> all = Results.all(folder);
		List<String> written = new ArrayList<>();
		for (Plot plot : PLOTS) {
			XYSeriesCollection data = new XYSeriesCollection();
			List<Series> drawn = new ArrayList<>();
			for (Series series : plot.series()) {
				XYSeries points = new XYSeries(series.label());
				for (Results results : all) {
					results.row(series.key()).ifPresent((row) -> {
						double value = series.value(row);
						if (!Double.isNaN(value) && !Double.isInfinite(value) && value > 0) {
							points.add(results.size, value);
						}
					});
				}
				if (!points.isEmpty()) {
					data.addSeries(points);
					drawn.add(series);
				}
			}
			if (data.getSeriesCount() == 0) {
				continue;
			}
			JFreeChart chart = chart(plot.title(), data, drawn);
			try {
				ChartUtils.saveChartAsPNG(folder.resolve(plot.file()).toFile(), chart, 900, 540);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			written.add(plot.file());
		}
		return written;
	}

	private static JFreeChart chart(String title, XYSeriesCollection data, List<Series> drawn) {
		LogAxis partners = new LogAxis("partners");
		partners.setBase(10);
		partners.setTickUnit(new NumberTickUnit(1));
		partners.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
		LogAxis millis = new LogAxis("milliseconds");
		millis.setBase(10);
		millis.setTickUnit(new NumberTickUnit(1));
		millis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
		for (int i = 0; i < drawn.size(); i++) {
			Series series = drawn.get(i);
			renderer.setSeriesPaint(i, COLOURS[series.colour() % COLOURS.length]);
			renderer.setSeriesStroke(i, switch (series.kind()) {
				case OURS -> new BasicStroke(2.5f);
				case CTE -> new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
						new float[] { 8f, 5f }, 0f);
				case CYPHER -> new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
						new float[] { 2f, 4f }, 0f);
				case FLOOR -> new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
						new float[] { 10f, 3f, 2f, 3f }, 0f);
			});
		}
		XYPlot plot = new XYPlot(data, partners, millis, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		double smallest = Double.MAX_VALUE;
		double largest = 0;
		for (int s = 0; s < data.getSeriesCount(); s++) {
			smallest = Math.min(smallest, data.getSeries(s).getMinX());
			largest = Math.max(largest, data.getSeries(s).getMaxX());
		}
		partners.setRange(smallest / 2, largest * 2);
		JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		chart.addSubtitle(new TextTitle(
				"time against size, lower is better; ours solid, CTE dashed, Cypher dotted, floor dash-dotted"));
		return chart;
	}

	private static Series ours(String key, String label, int colour) {
		return new Series(label, key, Kind.OURS, colour);
	}

	private static Series cte(String key, String label, int colour) {
		return new Series(label, key, Kind.CTE, colour);
	}

	private static Series cypher(String key, String label, int colour) {
		return new Series(label, key, Kind.CYPHER, colour);
	}

	private static Series floor(String key, String label, int colour) {
		return new Series(label, key, Kind.FLOOR, colour);
	}

	private enum Kind {

		OURS(Results.Row::number), CTE(Results.Row::cte), CYPHER(Results.Row::cypher), FLOOR(Results.Row::floor);

		private final ToDoubleFunction<Results.Row> column;

		Kind(ToDoubleFunction<Results.Row> column) {
			this.column = column;
		}

	}

	private record Plot(String file, String title, List<Series> series) {
	}

	private record Series(String label, String key, Kind kind, int colour) {

		double value(Results.Row row) {
			return this.kind.column.applyAsDouble(row);
		}

	}

}
