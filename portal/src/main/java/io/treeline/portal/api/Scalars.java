package io.treeline.portal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The custom scalars of the schema ({@code schema.graphqls}). All travel as strings:
 * {@code DateTime} as ISO-8601 with offset (returned in UTC), {@code Date} as an ISO-8601
 * calendar day, {@code Decimal} as an exact decimal, so money and volume never pass
 * through a JSON floating-point number.
 */
final class Scalars {

	static final GraphQLScalarType DATE_TIME = scalar("DateTime", Instant.class, Scalars::parseInstant,
			Instant::toString);

	static final GraphQLScalarType DATE = scalar("Date", LocalDate.class, Scalars::parseDate, LocalDate::toString);

	static final GraphQLScalarType DECIMAL = scalar("Decimal", BigDecimal.class, BigDecimal::new,
			BigDecimal::toPlainString);

	private Scalars() {
	}

	private static Instant parseInstant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new NumberFormatException("an ISO-8601 instant with offset, e.g. 2026-01-20T10:00:00Z");
		}
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new NumberFormatException("an ISO-8601 date, e.g. 2026-02-01");
		}
	}

	private static <T> GraphQLScalarType scalar(String name, Class<T> type, Function<String, T> parse,
			Function<T, String> format) {
		return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<T, String>() {

			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (type.isInstance(value)) {
					return format.apply(type.cast(value));
				}
				throw new CoercingSerializeException(
						"Expected a " + type.getSimpleName() + " for " + name + " but got " + value);
			}

			@Override
			public T parseValue(Object input, GraphQLContext context, Locale locale) {
				if (input instanceof String text) {
					return parseOrExplain(text, CoercingParseValueException::new);
				}
				throw new CoercingParseValueException(name + " must be given as a string, got " + input);
			}

			@Override
			public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				if (input instanceof StringValue text) {
					return parseOrExplain(text.getValue(), CoercingParseLiteralException::new);
				}
				throw new CoercingParseLiteralException(name + " must be given as a string, got " + input);
			}

			@Override
			public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
				return StringValue.of(serialize(input, context, locale));
			}

			private <E extends RuntimeException> T parseOrExplain(String text, Function<String, E> error) {
				try {
					return parse.apply(text);
				}
				catch (NumberFormatException | ArithmeticException ex) {
					throw error.apply("'" + text + "' is not a valid " + name
							+ ((ex.getMessage() != null) ? ": expected " + ex.getMessage() : ""));
				}
			}

		}).build();
	}

}
