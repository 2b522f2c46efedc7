package io.treeline.portal.api;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parsed and validated GraphQL documents by their text, so that a client sending the same
 * query again (with other variables) skips parsing and validation: they cost more than
 * answering a downline page from the snapshot. Only valid documents are kept; the schema
 * is fixed while the application runs. At most {@code capacity} documents: when full, the
 * cache starts again empty, which keeps a client that sends ever new texts (values
 * written into the query instead of variables) from growing it without bound.
 */
final class DocumentCache implements PreparsedDocumentProvider {

	private final int capacity;

	private final Map<Key, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

	DocumentCache(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Key key = new Key(input.getQuery(), input.getOperationName());
		PreparsedDocumentEntry cached = this.documents.get(key);
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			if (this.documents.size() >= this.capacity) {
				this.documents.clear();
			}
			this.documents.put(key, entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	/** How many documents are kept now. */
	int size() {
		return this.documents.size();
	}

	private record Key(String query, String operationName) {
	}

}
