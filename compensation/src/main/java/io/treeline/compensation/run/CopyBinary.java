package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.treeline.compensation.store.PostgresCopy;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Reads the rows of a query by {@code COPY ... TO STDOUT (FORMAT binary)} on the
 * connection of the current transaction: each value as PostgreSQL holds it (a timestamp
 * as microseconds, a number as its base-10,000 digits), so that PostgreSQL neither
 * computes nor formats text for it and this side parses none (ADR 0029). The stream is a
 * signature and header, then per row the field count and per field its length ({@code -1}
 * for NULL) and bytes, all integers big-endian, and a field count of {@code -1} at the
 * end.
 */
final class CopyBinary {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	/** Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch, both UTC. */
	private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

	private static final int NUMERIC_NEGATIVE = 0x4000;

	private CopyBinary() {
	}

	/**
	 * Runs a {@code COPY (query) TO STDOUT (FORMAT binary)} and hands each row to a
	 * consumer.
	 * @param dataSource the database
	 * @param sql the whole COPY statement
	 * @param rows receives each row; the row is reused, read it before returning
	 */
	static void read(DataSource dataSource, String sql, Consumer<Row> rows) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		CopyOut copy = null;
		try {
			copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
			Row row = new Row(copy::readFromCopy);
			while (row.next()) {
				rows.accept(row);
			}
			if (!row.atEnd() || copy.readFromCopy() != null) {
				throw new IllegalStateException("COPY sent data after its end");
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not read by COPY: " + ex.getMessage(), ex);
		}
		finally {
			PostgresCopy.cancel(copy);
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** Where the bytes come from, in pieces of any size; {@code null} at the end. */
	@FunctionalInterface
	interface Source {

		byte[] next() throws SQLException;

	}

	/** The current row of the stream, its fields where they lie in the buffer. */
	static final class Row {

		private final Source source;

		private byte[] data = new byte[0];

		/** Where the unread bytes start and end. */
		private int position;

		private int limit;

		/** Where the current row starts; its fields are kept relative to it. */
		private int rowStart;

		private int[] starts = new int[16];

		private int[] lengths = new int[16];

		private boolean headerRead;

		Row(Source source) {
			this.source = source;
		}

		/**
		 * Reads the next row.
		 * @return {@code false} at the end of the data
		 * @throws SQLException if the data cannot be read
		 */
		boolean next() throws SQLException {
			if (!this.headerRead) {
				header();
			}
			this.rowStart = this.position;
			need(2);
			int fields = readShort();
			if (fields == -1) {
				return false;
			}
			if (fields < 0) {
				throw new IllegalStateException("A COPY row has " + fields + " fields");
			}
			if (fields > this.starts.length) {
				this.starts = Arrays.copyOf(this.starts, fields);
				this.lengths = Arrays.copyOf(this.lengths, fields);
			}
			for (int i = 0; i < fields; i++) {
				need(4);
				int length = readInt();
				this.lengths[i] = length;
				this.starts[i] = this.position - this.rowStart;
				if (length > 0) {
					need(length);
					this.position += length;
				}
			}
			return true;
		}

		private void header() throws SQLException {
			need(SIGNATURE.length + 8);
			if (!Arrays.equals(this.data, this.position, this.position + SIGNATURE.length, SIGNATURE, 0,
					SIGNATURE.length)) {
				throw new IllegalStateException("COPY sent no binary header");
			}
			this.position += SIGNATURE.length;
			readInt();
			int extension = readInt();
			need(extension);
			this.position += extension;
			this.headerRead = true;
		}

		/**
		 * Makes sure that {@code n} unread bytes are in the buffer, keeping the row's.
		 */
		private void need(int n) throws SQLException {
			while (this.limit - this.position < n) {
				byte[] more = this.source.next();
				if (more == null) {
					throw new IllegalStateException("The COPY data ended inside a row");
				}
				if (this.rowStart == this.limit) {
					// the common case: a piece holds whole rows, taken as it is
					this.data = more;
					this.position = 0;
					this.limit = more.length;
					this.rowStart = 0;
					continue;
				}
				int kept = this.limit - this.rowStart;
				byte[] joined = new byte[kept + more.length];
				System.arraycopy(this.data, this.rowStart, joined, 0, kept);
				System.arraycopy(more, 0, joined, kept, more.length);
				this.position -= this.rowStart;
				this.rowStart = 0;
				this.data = joined;
				this.limit = joined.length;
			}
		}

		private int readShort() {
			int value = shortAt(this.position);
			this.position += 2;
			return value;
		}

		private int readInt() {
			int value = intAt(this.position);
			this.position += 4;
			return value;
		}

		private int intAt(int at) {
			return ((this.data[at] & 0xFF) << 24) | ((this.data[at + 1] & 0xFF) << 16)
					| ((this.data[at + 2] & 0xFF) << 8) | (this.data[at + 3] & 0xFF);
		}

		private int shortAt(int at) {
			return (short) (((this.data[at] & 0xFF) << 8) | (this.data[at + 1] & 0xFF));
		}

		/** Whether every byte received has been read. */
		boolean atEnd() {
			return this.position == this.limit;
		}

		boolean isNull(int field) {
			return this.lengths[field] < 0;
		}

		/** Where a field's bytes start, checking that it has the given length. */
		private int at(int field, int length, String type) {
			if (this.lengths[field] != length) {
				throw new IllegalStateException("Field " + field + " is " + (isNull(field) ? "NULL" : "no " + type)
						+ " (" + this.lengths[field] + " bytes)");
			}
			return this.rowStart + this.starts[field];
		}

		/** Returns a {@code bigint} field. */
		long int8(int field) {
			int at = at(field, 8, "bigint");
			return ((long) intAt(at) << 32) | (intAt(at + 4) & 0xFFFFFFFFL);
		}

		/** Returns a {@code boolean} field. */
		boolean bool(int field) {
			return this.data[at(field, 1, "boolean")] != 0;
		}

		/** Returns a {@code timestamptz} field as microseconds since 1970-01-01 UTC. */
		long timestampMicros(int field) {
			return Math.addExact(int8(field), POSTGRES_EPOCH_MICROS);
		}

		/**
		 * Returns a text field.
		 * @param field the field
		 * @return the text, {@code null} for NULL
		 */
		String text(int field) {
			if (isNull(field)) {
				return null;
			}
			return new String(this.data, this.rowStart + this.starts[field], this.lengths[field],
					StandardCharsets.UTF_8);
		}

		/**
		 * Returns a {@code numeric} field as a whole number of units of
		 * {@code 10^-scale}.
		 * @param field the field
		 * @param scale the decimals of a unit
		 * @return the units
		 * @throws IllegalStateException if the field is NULL or not a number, or has a
		 * non-zero digit finer than a unit
		 * @throws ArithmeticException if the units exceed a long
		 */
		long numericUnits(int field, int scale) {
			if (scale < 0 || scale % 4 != 0) {
				throw new IllegalArgumentException("Units are read at a scale of whole base-10,000 digits");
			}
			int at = numericAt(field, "units");
			int digits = shortAt(at);
			int weight = shortAt(at + 2);
			int sign = shortAt(at + 4) & 0xFFFF;
			long units = 0;
			// digit i is worth 10000^(weight - i), a unit 10000^(-scale / 4)
			for (int i = 0; i < digits; i++) {
				int digit = shortAt(at + 8 + 2 * i);
				int power = weight - i + scale / 4;
				if (power < 0) {
					if (digit != 0) {
						throw new IllegalStateException("Field " + field + " has more than " + scale + " decimals");
					}
					continue;
				}
				long value = digit;
				for (int p = 0; p < power; p++) {
					value = Math.multiplyExact(value, 10_000L);
				}
				units = Math.addExact(units, value);
			}
			return (sign == NUMERIC_NEGATIVE) ? -units : units;
		}

		/**
		 * Returns a {@code numeric} field as a decimal at its scale, as PostgreSQL's text
		 * writes it.
		 * @param field the field
		 * @return the decimal
		 */
		BigDecimal numeric(int field) {
			int at = numericAt(field, "decimal");
			int digits = shortAt(at);
			int weight = shortAt(at + 2);
			int sign = shortAt(at + 4) & 0xFFFF;
			int scale = shortAt(at + 6);
			BigInteger whole = BigInteger.ZERO;
			BigInteger base = BigInteger.valueOf(10_000);
			for (int i = 0; i < digits; i++) {
				whole = whole.multiply(base).add(BigInteger.valueOf(shortAt(at + 8 + 2 * i)));
			}
			// the digits read are worth 10000^(weight - digits + 1) each
			BigDecimal value = new BigDecimal(whole, -4 * (weight - digits + 1)).setScale(scale,
					RoundingMode.UNNECESSARY);
			return (sign == NUMERIC_NEGATIVE) ? value.negate() : value;
		}

		/** Where a numeric field's bytes start, refusing NULL, NaN and infinities. */
		private int numericAt(int field, String what) {
			if (isNull(field) || this.lengths[field] < 8) {
				throw new IllegalStateException("Field " + field + " is NULL or no number where a " + what
						+ " was expected (" + this.lengths[field] + " bytes)");
			}
			int at = this.rowStart + this.starts[field];
			int sign = shortAt(at + 4) & 0xFFFF;
			if (sign != 0 && sign != NUMERIC_NEGATIVE) {
				throw new IllegalStateException("Field " + field + " is not a finite number");
			}
			if (this.lengths[field] != 8 + 2 * shortAt(at)) {
				throw new IllegalStateException("Field " + field + " is no numeric value");
			}
			return at;
		}

	}

}
