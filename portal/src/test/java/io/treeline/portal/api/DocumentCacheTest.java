package io.treeline.portal.api;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL documents are parsed and validated once per query text (counted).
 */
class DocumentCacheTest {

	private final AtomicInteger parsed = new AtomicInteger();

	private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = (input) -> {
		this.parsed.incrementAndGet();
		if (input.getQuery().contains("invalid")) {
			return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("invalid").build());
		}
		Document document = Parser.parse(input.getQuery());
		return new PreparsedDocumentEntry(document);
	};

	@Test
	void parsesTheSameQueryOnceWhateverItsVariables() {
		DocumentCache cache = new DocumentCache(10);
		PreparsedDocumentEntry first = cache
			.getDocumentAsync(input("query($n: String!) { partner(number: $n) { name } }", "P-1"),
					this.parseAndValidate)
			.join();
		PreparsedDocumentEntry second = cache
			.getDocumentAsync(input("query($n: String!) { partner(number: $n) { name } }", "P-2"),
					this.parseAndValidate)
			.join();
		assertThat(second.getDocument()).isSameAs(first.getDocument());
		assertThat(this.parsed).hasValue(1);
		cache.getDocumentAsync(input("{ partners { totalCount } }", null), this.parseAndValidate).join();
		assertThat(this.parsed).hasValue(2);
		assertThat(cache.size()).isEqualTo(2);
	}

	@Test
	void keepsDocumentsApartByOperationName() {
		DocumentCache cache = new DocumentCache(10);
		String query = "query A { partners { totalCount } } query B { partners { totalCount } }";
		cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).operationName("A").build(),
				this.parseAndValidate);
		cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).operationName("B").build(),
				this.parseAndValidate);
		assertThat(this.parsed).hasValue(2);
	}

	@Test
	void validatesAnInvalidQueryEveryTime() {
		DocumentCache cache = new DocumentCache(10);
		PreparsedDocumentEntry entry = cache.getDocumentAsync(input("{ invalid }", null), this.parseAndValidate).join();
		cache.getDocumentAsync(input("{ invalid }", null), this.parseAndValidate).join();
		assertThat(entry.hasErrors()).isTrue();
		assertThat(this.parsed).hasValue(2);
		assertThat(cache.size()).isZero();
	}

	@Test
	void startsAgainEmptyWhenFull() {
		DocumentCache cache = new DocumentCache(2);
		for (int i = 0; i < 5; i++) {
			cache.getDocumentAsync(input("{ partner(number: \"P-" + i + "\") { name } }", null), this.parseAndValidate)
				.join();
			assertThat(cache.size()).isLessThanOrEqualTo(2);
		}
		assertThat(this.parsed).hasValue(5);
	}

	private static ExecutionInput input(String query, String number) {
		ExecutionInput.Builder input = ExecutionInput.newExecutionInput(query);
		if (number != null) {
			input.variables(Map.of("n", number));
		}
		return input.build();
	}

}
