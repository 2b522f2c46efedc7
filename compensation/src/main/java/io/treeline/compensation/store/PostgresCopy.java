package io.treeline.compensation.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes many rows with PostgreSQL's {@code COPY} on the connection of the current
 * transaction, in chunks: millions of rows at COPY speed that still commit or roll back
 * with everything else. Text is written quoted (quotes doubled), so any order number or
 * rank name arrives as it is; {@code null} is written as an empty unquoted field, which
 * COPY reads as NULL.
 */
@Component
public class PostgresCopy {

	private static final int CHUNK = 200_000;

	private final DataSource dataSource;

	PostgresCopy(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Copies rows into a table.
	 * @param table the table and its columns, e.g. {@code run_events (plan_id, event_id)}
	 * @param rows how many rows
	 * @param writer writes row {@code index}
	 */
	public void copy(String table, int rows, RowWriter writer) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			Row row = new Row();
			for (int from = 0; from < rows; from += CHUNK) {
				row.text.setLength(0);
				for (int index = from; index < Math.min(rows, from + CHUNK); index++) {
					writer.write(index, row);
					row.text.setCharAt(row.text.length() - 1, '\n');
				}
				copy.copyIn("copy " + table + " from stdin with (format csv)", new StringReader(row.text.toString()));
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not write " + table + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
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
