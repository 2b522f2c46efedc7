package io.treeline.compensation.order;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.graph.PartnerNumber;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON format of the order import: an object whose {@code orders} array holds
 * the orders with their lines and events. The file is read twice: once as a token stream
 * to learn the line of every value by its path, once as a tree. Decimals are read
 * exactly, as numbers or strings; unknown fields are refused.
 */
final class JsonOrderFile {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final Set<String> ORDER_FIELDS = Set.of("orderNumber", "partner", "orderedAt", "currency", "lines",
			"events");

	private static final Set<String> LINE_FIELDS = Set.of("product", "quantity", "unitPrice", "vatRate", "pv", "bv");

	private static final Set<String> EVENT_FIELDS = Set.of("type", "paidAt", "returnedAt", "stornoId", "whole", "lines",
			"fraction");

	private final ImportFields fields;

	private final Map<String, Long> lines = new HashMap<>();

	private final Map<String, Located<NewOrder>> orders = new LinkedHashMap<>();

	private final List<Located<ImportedEvent>> events = new ArrayList<>();

	private JsonOrderFile(String file) {
		this.fields = new ImportFields(file);
	}

	static ImportedFile read(String file, Reader reader) {
		return new JsonOrderFile(file).read(reader);
	}

	private ImportedFile read(Reader reader) {
		String text;
		try {
			StringWriter buffer = new StringWriter();
			reader.transferTo(buffer);
			text = buffer.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the order file " + this.fields.file(), ex);
		}
		JsonNode root;
		try (JsonParser parser = JSON.createParser(text)) {
			if (parser.nextToken() != null) {
				locate(parser, "");
			}
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			long line = (ex.getLocation() != null) ? Math.max(1, ex.getLocation().getLineNr()) : 1;
			this.fields.problem(line, "not valid JSON: " + ex.getOriginalMessage());
			return result();
		}
		if (root == null || !root.isObject() || !root.has("orders")) {
			this.fields.problem(1, "the file must be a JSON object with the array orders");
			return result();
		}
		refuseUnknown(root, "", Set.of("orders"));
		JsonNode orderArray = root.get("orders");
		if (!orderArray.isArray()) {
			this.fields.problem(line("orders"), "orders must be an array");
			return result();
		}
		for (int i = 0; i < orderArray.size(); i++) {
			order(orderArray.get(i), "orders[" + i + "]");
		}
		return result();
	}

	private ImportedFile result() {
		return new ImportedFile(this.fields.file(), this.fields.problems(), List.copyOf(this.orders.values()),
				this.events);
	}

	private void order(JsonNode node, String path) {
		if (!node.isObject()) {
			this.fields.problem(line(path), path + " must be an object");
			return;
		}
		refuseUnknown(node, path, ORDER_FIELDS);
		Node order = new Node(node, path);
		String orderNumber = this.fields.text(order, "orderNumber", 64);
		boolean reference = !node.has("lines") && !node.has("partner") && !node.has("orderedAt")
				&& !node.has("currency");
		if (!reference) {
			PartnerNumber partner = this.fields.partner(order, "partner");
			Instant orderedAt = this.fields.instant(order, "orderedAt");
			String currency = this.fields.currency(order, "currency");
			List<OrderLine> orderLines = orderLines(order);
			if (orderNumber != null && partner != null && orderedAt != null && currency != null && orderLines != null) {
				NewOrder read = new NewOrder(orderNumber, partner, orderedAt, currency, orderLines);
				Located<NewOrder> before = this.orders.get(orderNumber);
				if (before == null) {
					this.orders.put(orderNumber, new Located<>(line(path), read));
				}
				else if (!ImportFields.sameOrder(before.value(), read)) {
					this.fields.problem(line(path), "order " + orderNumber + " is given differently on line "
							+ before.line() + " (" + path + ")");
				}
			}
		}
		JsonNode eventArray = node.get("events");
		if (eventArray == null || eventArray.isNull()) {
			if (reference && orderNumber != null) {
				this.fields.problem(line(path), path + " names order " + orderNumber
						+ " but has neither lines nor events; an order needs partner, orderedAt, currency and lines");
			}
			return;
		}
		if (!eventArray.isArray()) {
			this.fields.problem(line(path + ".events"), path + ".events must be an array");
			return;
		}
		for (int i = 0; i < eventArray.size(); i++) {
			event(eventArray.get(i), path + ".events[" + i + "]", orderNumber);
		}
	}

	private List<OrderLine> orderLines(Node order) {
		JsonNode array = order.node().get("lines");
		String path = order.path() + ".lines";
		if (array == null || array.isNull()) {
			this.fields.problem(line(order.path()), path + " is missing");
			return null;
		}
		if (!array.isArray() || array.isEmpty()) {
			this.fields.problem(line(path), path + " must be an array of at least one line");
			return null;
		}
		List<OrderLine> read = new ArrayList<>();
		boolean complete = true;
		for (int i = 0; i < array.size(); i++) {
			String linePath = path + "[" + i + "]";
			JsonNode node = array.get(i);
			if (!node.isObject()) {
				this.fields.problem(line(linePath), linePath + " must be an object");
				complete = false;
				continue;
			}
			refuseUnknown(node, linePath, LINE_FIELDS);
			OrderLine line = this.fields.orderLine(new Node(node, linePath));
			complete &= line != null;
			read.add(line);
		}
		return complete ? read : null;
	}

	private void event(JsonNode node, String path, String orderNumber) {
		if (!node.isObject()) {
			this.fields.problem(line(path), path + " must be an object");
			return;
		}
		refuseUnknown(node, path, EVENT_FIELDS);
		Node event = new Node(node, path);
		String type = ImportFields.lower(this.fields.text(event, "type", 16));
		if (type == null) {
			return;
		}
		if (type.equals("payment")) {
			Instant paidAt = this.fields.instant(event, "paidAt");
			for (String field : List.of("returnedAt", "stornoId", "whole", "lines", "fraction")) {
				if (node.has(field)) {
					this.fields.problem(line(path + "." + field), path + "." + field + " belongs to a return");
				}
			}
			if (orderNumber != null && paidAt != null) {
				this.events.add(new Located<>(line(path), new ImportedEvent.Payment(orderNumber, paidAt)));
			}
		}
		else if (type.equals("return")) {
			Instant returnedAt = this.fields.instant(event, "returnedAt");
			String stornoId = this.fields.text(event, "stornoId", 128);
			OrderReturn returned = returned(event);
			if (orderNumber != null && returnedAt != null && stornoId != null && returned != null) {
				this.events.add(new Located<>(line(path),
						new ImportedEvent.Return(orderNumber, stornoId, returned, returnedAt)));
			}
		}
		else {
			this.fields.problem(line(path + ".type"),
					path + ".type must be payment or return (got '" + node.get("type").asString() + "')");
		}
	}

	private OrderReturn returned(Node event) {
		JsonNode node = event.node();
		String path = event.path();
		List<String> given = new ArrayList<>();
		for (String field : List.of("whole", "lines", "fraction")) {
			if (node.has(field) && !node.get(field).isNull()) {
				given.add(field);
			}
		}
		if (given.size() != 1) {
			this.fields.problem(line(path), path + " must have exactly one of whole, lines or fraction (has "
					+ (given.isEmpty() ? "none" : String.join(", ", given)) + ")");
			return null;
		}
		switch (given.getFirst()) {
			case "whole" -> {
				if (!node.get("whole").isBoolean() || !node.get("whole").booleanValue()) {
					this.fields.problem(line(path + ".whole"), path + ".whole must be true");
					return null;
				}
				return new OrderReturn.Whole();
			}
			case "fraction" -> {
				return this.fields.share(event, "fraction");
			}
			default -> {
				JsonNode array = node.get("lines");
				if (!array.isArray() || array.isEmpty()) {
					this.fields.problem(line(path + ".lines"),
							path + ".lines must be an array of line numbers, e.g. [1, 3]");
					return null;
				}
				List<Integer> numbers = new ArrayList<>();
				for (int i = 0; i < array.size(); i++) {
					JsonNode number = array.get(i);
					String numberPath = path + ".lines[" + i + "]";
					if (!number.isIntegralNumber() || number.asInt() < 1) {
						this.fields.problem(line(numberPath),
								numberPath + " must be a line number from 1 (got " + number + ")");
						return null;
					}
					numbers.add(number.asInt());
				}
				return new OrderReturn.Lines(numbers);
			}
		}
	}

	private void refuseUnknown(JsonNode node, String path, Set<String> known) {
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			if (!known.contains(property.getKey())) {
				String field = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
				this.fields.problem(line(field), field + " is not a known field");
			}
		}
	}

	/**
	 * Records the line of every value under its path, e.g. {@code orders[3].lines[1].pv}.
	 */
	private void locate(JsonParser parser, String path) {
		this.lines.put(path, (long) parser.currentTokenLocation().getLineNr());
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT) {
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				locate(parser, path.isEmpty() ? name : path + "." + name);
			}
		}
		else if (token == JsonToken.START_ARRAY) {
			int index = 0;
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				locate(parser, path + "[" + index++ + "]");
			}
		}
	}

	private long line(String path) {
		String at = path;
		while (!at.isEmpty()) {
			Long line = this.lines.get(at);
			if (line != null) {
				return line;
			}
			int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
			at = (cut > 0) ? at.substring(0, cut) : "";
		}
		return this.lines.getOrDefault("", 1L);
	}

	/** A JSON object of the file with its path. */
	private final class Node implements ImportRecord {

		private final JsonNode node;

		private final String path;

		Node(JsonNode node, String path) {
			this.node = node;
			this.path = path;
		}

		JsonNode node() {
			return this.node;
		}

		String path() {
			return this.path;
		}

		@Override
		public String text(String field) {
			JsonNode value = this.node.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (value.isString()) {
				String text = value.stringValue().trim();
				return text.isEmpty() ? null : text;
			}
			if (value.isNumber()) {
				return value.decimalValue().toPlainString();
			}
			throw new IllegalArgumentException("must be a string or a number (got " + value + ")");
		}

		@Override
		public long line(String field) {
			return JsonOrderFile.this.line(this.path + "." + field);
		}

		@Override
		public String name(String field) {
			return this.path + "." + field;
		}

	}

}
