package io.treeline.compensation.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOperation;
import org.postgresql.copy.CopyManager;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes many rows with PostgreSQL's {@code COPY} on the connection of the current
 * transaction, as one statement whose text is made and sent in chunks: millions of rows
 * at COPY speed that still commit or roll back with everything else, and statement
 * triggers (the ledger's balance check) see them all at once. Text is written quoted
 * (quotes doubled), so any order number or rank name arrives as it is; {@code null} is
 * written as an empty unquoted field, which COPY reads as NULL.
 */
@Component
public class PostgresCopy {

	private static final int CHUNK = 200_000;

	private final DataSource dataSource;

	private final int chunk;

	@Autowired
	PostgresCopy(DataSource dataSource) {
		this(dataSource, CHUNK);
	}

	PostgresCopy(DataSource dataSource, int chunk) {
		this.dataSource = dataSource;
		this.chunk = chunk;
	}

	/**
	 * Copies rows into a table.
	 * @param table the table and its columns, e.g. {@code run_events (plan_id, event_id)}
	 * @param rows how many rows
	 * @param writer writes row {@code index}
	 */
	public void copy(String table, int rows, RowWriter writer) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		CopyIn in = null;
		try {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			in = copy.copyIn("copy " + table + " from stdin with (format csv)");
			Row row = new Row();
			for (int from = 0; from < rows; from += this.chunk) {
				row.text.setLength(0);
				for (int index = from; index < Math.min(rows, from + this.chunk); index++) {
					writer.write(index, row);
					row.text.setCharAt(row.text.length() - 1, '\n');
				}
				byte[] bytes = row.text.toString().getBytes(StandardCharsets.UTF_8);
				in.writeToCopy(bytes, 0, bytes.length);
			}
			in.endCopy();
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not write " + table + ": " + ex.getMessage(), ex);
		}
		finally {
			cancel(in);
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Ends a copy, in or out, that a failure left open, so that the connection can be
	 * used again.
	 * @param copy the copy, or {@code null} if it never started
	 */
	public static void cancel(CopyOperation copy) {
		if (copy != null && copy.isActive()) {
			try {
				copy.cancelCopy();
			}
			catch (SQLException ex) {
				// the copy failed already; its failure is what the caller sees
			}
		}
	}

	/** Writes one row. */
	@FunctionalInterface
	public interface RowWriter {

		/**
		 * Writes the values of a row.
		 * @param index the row
		 * @param row where the values go, in column order
		 */
		void write(int index, Row row);

	}

	/** The values of one row, in column order. */
	public static final class Row {

		private final StringBuilder text = new StringBuilder(1 << 20);

		/**
		 * Adds a value.
		 * @param value a number, a boolean, a text (quoted), or {@code null}
		 * @return this row
		 */
		public Row add(Object value) {
			if (value instanceof CharSequence text) {
				this.text.append('"');
				for (int i = 0; i < text.length(); i++) {
					char c = text.charAt(i);
					this.text.append(c);
					if (c == '"') {
						this.text.append('"');
					}
				}
				this.text.append('"');
			}
			else if (value != null) {
				this.text.append(value);
			}
			this.text.append(',');
			return this;
		}

	}

}
