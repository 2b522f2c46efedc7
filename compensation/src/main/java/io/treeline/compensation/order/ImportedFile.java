package io.treeline.compensation.order;

import java.util.List;

import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderImportProblem;

/**
 * What a parser read from an import file: the orders (each once), the events (possibly
 * repeated) and the problems it found.
 *
 * @param file the file's name
 * @param problems problems found while reading
 * @param orders the orders, each number once
 * @param events the payments and stornos in the order of the file
 */
record ImportedFile(String file, List<OrderImportProblem> problems, List<Located<NewOrder>> orders,
		List<Located<ImportedEvent>> events) {

}
