package io.treeline.graph.snapshot;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * An unmodifiable list whose elements are made when they are read: the upline of a
 * partner 700,000 levels deep is an array of ids until a page of it is read, instead of
 * 700,000 objects with partner numbers that one page of 20 does not need.
 *
 * @param <T> the element type
 */
final class MappedList<T> extends AbstractList<T> implements RandomAccess {

	private final int size;

	private final IntFunction<T> element;

	/**
	 * Creates the list.
	 * @param size its size
	 * @param element makes the element at an index; it must give equal elements for the
	 * same index every time
	 */
	MappedList(int size, IntFunction<T> element) {
		this.size = size;
		this.element = element;
	}

	@Override
	public T get(int index) {
		Objects.checkIndex(index, this.size);
		return this.element.apply(index);
	}

	@Override
	public int size() {
		return this.size;
	}

}
