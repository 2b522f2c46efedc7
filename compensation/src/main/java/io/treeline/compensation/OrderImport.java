package io.treeline.compensation;

import java.io.Reader;

/**
 * Imports orders, their payments and their stornos from an order provider, as CSV or JSON
 * (format in {@code docs/order-import-format.md}). The file is read and checked
 * completely first; if anything is wrong, nothing is recorded and every problem is
 * reported with the file's name and its line. Otherwise everything is recorded in one
 * transaction. Orders are matched by the provider's order number and stornos by the
 * provider's storno id, so importing the same file again changes nothing.
 */
public interface OrderImport {

	/**
	 * Reads, checks and records a CSV file.
	 * @param fileName the file's name, used in the problems
	 * @param orders the file
	 * @return the outcome
	 */
	OrderImportResult importCsv(String fileName, Reader orders);

	/**
	 * Reads, checks and records a JSON file.
	 * @param fileName the file's name, used in the problems
	 * @param orders the file
	 * @return the outcome
	 */
	OrderImportResult importJson(String fileName, Reader orders);

}
