package io.treeline.graph.partner;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * Packed partners ({@link PackedPartner}, which begin with their number) by number in one
 * open-addressing table with linear probing: a partner costs its byte array and a slot or
 * two of the table, not a map entry, a key string and its array besides (ADR 32).
 * <p>
 * Reads take no lock and may run while a write adds: slots are written with release and
 * read with acquire semantics, and a table that grows is filled before it is published,
 * so a read sees a partner whole or not at all; a read racing a write may miss the
 * partner being added (it is then read from Neo4j). Writes are serialised. Partners are
 * removed only from a copy that is not shared yet ({@link #without}).
 */
final class PartnerTable {

	private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(byte[][].class);

	private static final int MIN_SLOTS = 16;

	/** A power of two, at most half full. */
	private volatile byte[][] slots = new byte[MIN_SLOTS][];

	/** Partners in the table, guarded by {@code this}. */
	private int size;

	/**
	 * Returns the packed partner of a number.
	 * @param number the number
	 * @return the packed partner, or {@code null}
	 */
	byte[] get(String number) {
		byte[][] table = this.slots;
		int mask = table.length - 1;
		for (int slot = hash(number) & mask;; slot = (slot + 1) & mask) {
			byte[] packed = (byte[]) SLOTS.getAcquire(table, slot);
			if (packed == null || PackedPartner.numberIs(packed, number)) {
				return packed;
			}
		}
	}

	/**
	 * Adds a packed partner.
	 * @param packed the packed partner, not changed afterwards
	 * @param replace whether a partner kept under the same number is replaced (else the
	 * kept one stays)
	 */
	synchronized void put(byte[] packed, boolean replace) {
		byte[][] table = this.slots;
		if ((this.size + 1) * 2 > table.length) {
			byte[][] grown = new byte[table.length * 2][];
			for (byte[] kept : table) {
				if (kept != null) {
					grown[free(grown, kept)] = kept;
				}
			}
			table = grown;
			this.slots = grown;
		}
		int mask = table.length - 1;
		String number = PackedPartner.number(packed);
		for (int slot = hash(number) & mask;; slot = (slot + 1) & mask) {
			byte[] kept = table[slot];
			if (kept == null) {
				SLOTS.setRelease(table, slot, packed);
				this.size++;
				return;
			}
			if (PackedPartner.numberIs(kept, number)) {
				if (replace) {
					SLOTS.setRelease(table, slot, packed);
				}
				return;
			}
		}
	}

	/**
	 * Returns a copy of this table without some partners: the slots are copied as they
	 * are (the packed partners are shared, they never change) and the partners named are
	 * taken out of the copy before anyone reads it, so that a change costs a copy of the
	 * slots, not a table built again partner by partner.
	 * @param numbers the numbers of the partners to leave out
	 * @return the new table
	 */
	synchronized PartnerTable without(Iterable<String> numbers) {
		PartnerTable copy = new PartnerTable();
		byte[][] table = this.slots.clone();
		int size = this.size;
		int mask = table.length - 1;
		for (String number : numbers) {
			int slot = hash(number) & mask;
			while (table[slot] != null && !PackedPartner.numberIs(table[slot], number)) {
				slot = (slot + 1) & mask;
			}
			if (table[slot] != null) {
				remove(table, slot);
				size--;
			}
		}
		copy.slots = table;
		copy.size = size;
		return copy;
	}

	/** Drops every partner. */
	synchronized void clear() {
		this.slots = new byte[MIN_SLOTS][];
		this.size = 0;
	}

	synchronized int size() {
		return this.size;
	}

	/**
	 * Hands every packed partner kept to an action.
	 * @param action takes a packed partner
	 */
	void forEach(Consumer<byte[]> action) {
		byte[][] table = this.slots;
		for (int slot = 0; slot < table.length; slot++) {
			byte[] packed = (byte[]) SLOTS.getAcquire(table, slot);
			if (packed != null) {
				action.accept(packed);
			}
		}
	}

	/**
	 * Empties a slot of a table not yet published and moves later partners of its run
	 * back where their probe would no longer reach them (backward-shift deletion), so
	 * that no partner is cut off from its home slot by the gap.
	 */
	private static void remove(byte[][] table, int slot) {
		int mask = table.length - 1;
		int gap = slot;
		table[gap] = null;
		for (int next = (gap + 1) & mask; table[next] != null; next = (next + 1) & mask) {
			int home = hash(table[next]) & mask;
			// the partner stays if its home lies cyclically after the gap, up to where it
			// is
			boolean reachable = (gap <= next) ? (gap < home && home <= next) : (gap < home || home <= next);
			if (!reachable) {
				table[gap] = table[next];
				table[next] = null;
				gap = next;
			}
		}
	}

	/** The first empty slot for a packed partner in a table not yet published. */
	private static int free(byte[][] table, byte[] packed) {
		int mask = table.length - 1;
		int slot = hash(packed) & mask;
		while (table[slot] != null) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	/**
	 * The string hash mixed (MurmurHash3's finaliser), so that numbers that differ in
	 * their last digits do not fill one run of neighbouring slots.
	 */
	private static int hash(String number) {
		return mix(number.hashCode());
	}

	/** The same hash of the number a packed partner starts with, without a string. */
	private static int hash(byte[] packed) {
		return mix(PackedPartner.numberHash(packed));
	}

	private static int mix(int hash) {
		int h = hash;
		h ^= h >>> 16;
		h *= 0x85EBCA6B;
		h ^= h >>> 13;
		h *= 0xC2B2AE35;
		return h ^ (h >>> 16);
	}

}
