package io.treeline.compensation.run;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Reads the rows of a query by {@code COPY ... TO STDOUT} in PostgreSQL's text format, on
 * the connection of the current transaction, and splits them into fields by hand: numbers
 * and texts without JDBC's per-value objects. Fields are tab-separated, {@code \N} is
 * NULL, and a backslash escapes a tab, newline, carriage return, backslash and the other
 * control characters.
 */
final class CopyText {

	private CopyText() {
	}

	/**
	 * Runs a {@code COPY (query) TO STDOUT} and hands each row to a consumer.
	 * @param dataSource the database
	 * @param sql the whole COPY statement
	 * @param rows receives each row; the row is reused, read it before returning
	 */
	static void read(DataSource dataSource, String sql, Consumer<Row> rows) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
			Row row = new Row();
			byte[] data;
			while ((data = copy.readFromCopy()) != null) {
				row.split(data);
				rows.accept(row);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not read by COPY: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** One row of the text format, split into fields. */
	static final class Row {

		private byte[] data = new byte[0];

		private int[] starts = new int[16];

		private int[] ends = new int[16];

		private int count;

		void split(byte[] row) {
			this.data = row;
			int length = row.length;
			if (length > 0 && row[length - 1] == '\n') {
				length--;
			}
			this.count = 0;
			int start = 0;
			for (int i = 0; i <= length; i++) {
				if (i == length || row[i] == '\t') {
					if (this.count == this.starts.length) {
						this.starts = Arrays.copyOf(this.starts, this.count * 2);
						this.ends = Arrays.copyOf(this.ends, this.count * 2);
					}
					this.starts[this.count] = start;
					this.ends[this.count++] = i;
					start = i + 1;
				}
			}
		}

		int size() {
			return this.count;
		}

		boolean isNull(int field) {
			int start = this.starts[field];
			return this.ends[field] - start == 2 && this.data[start] == '\\' && this.data[start + 1] == 'N';
		}

		long longValue(int field) {
			int i = this.starts[field];
			int end = this.ends[field];
			if (i == end || isNull(field)) {
				throw new IllegalStateException("Field " + field + " is empty or NULL where a number was expected");
			}
			boolean negative = this.data[i] == '-';
			if (negative) {
				i++;
			}
			// up to 18 digits cannot overflow; longer numbers are checked
			boolean checked = end - i > 18;
			long value = 0;
			for (; i < end; i++) {
				int digit = this.data[i] - '0';
				if (digit < 0 || digit > 9) {
					throw new IllegalStateException("Field " + field + " is not a whole number: " + text(field));
				}
				value = checked ? Math.addExact(Math.multiplyExact(value, 10), negative ? -digit : digit)
						: value * 10 + (negative ? -digit : digit);
			}
			return value;
		}

		boolean bool(int field) {
			return this.data[this.starts[field]] == 't';
		}

		/**
		 * Returns a field as text, escapes resolved.
		 * @param field the field
		 * @return the text, {@code null} for NULL
		 */
		String text(int field) {
			if (isNull(field)) {
				return null;
			}
			int start = this.starts[field];
			int end = this.ends[field];
			int escape = -1;
			for (int i = start; i < end; i++) {
				if (this.data[i] == '\\') {
					escape = i;
					break;
				}
			}
			if (escape < 0) {
				return new String(this.data, start, end - start, StandardCharsets.UTF_8);
			}
			byte[] plain = new byte[end - start];
			int length = 0;
			for (int i = start; i < end; i++) {
				byte b = this.data[i];
				if (b != '\\' || i + 1 == end) {
					plain[length++] = b;
					continue;
				}
				byte next = this.data[++i];
				switch (next) {
					case 'b' -> plain[length++] = '\b';
					case 'f' -> plain[length++] = '\f';
					case 'n' -> plain[length++] = '\n';
					case 'r' -> plain[length++] = '\r';
					case 't' -> plain[length++] = '\t';
					case 'v' -> plain[length++] = 0x0B;
					default -> {
						if (next >= '0' && next <= '7') {
							int value = next - '0';
							for (int k = 0; k < 2 && i + 1 < end && this.data[i + 1] >= '0'
									&& this.data[i + 1] <= '7'; k++) {
								value = value * 8 + (this.data[++i] - '0');
							}
							plain[length++] = (byte) value;
						}
						else {
							plain[length++] = next;
						}
					}
				}
			}
			return new String(plain, 0, length, StandardCharsets.UTF_8);
		}

	}

}
