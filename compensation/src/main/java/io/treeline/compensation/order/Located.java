package io.treeline.compensation.order;

/**
 * A value read from a line of an import file.
 *
 * @param <T> the value's type
 * @param line the line it starts on
 * @param value the value
 */
record Located<T>(long line, T value) {

}
