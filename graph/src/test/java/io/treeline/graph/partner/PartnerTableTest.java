package io.treeline.graph.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerTableTest {

	@Test
	void findsEveryPartnerAddedAndNoOtherAmongGeneratedNumbers() {
		PartnerTable table = new PartnerTable();
		Map<String, byte[]> added = new HashMap<>();
		SplittableRandom random = new SplittableRandom(32);
		for (int i = 0; i < 50_000; i++) {
			// dense runs of neighbouring numbers and scattered ones of other lengths
			String number = (i % 2 == 0) ? String.format("B-%08d", i) : "X" + random.nextInt(1_000_000_000);
			byte[] packed = packed(number, "City " + i);
			table.put(packed, true);
			added.put(number, packed);
		}
		assertThat(table.size()).isEqualTo(added.size());
		added.forEach((number, packed) -> assertThat(table.get(number)).isSameAs(packed));
		for (int i = 0; i < 10_000; i++) {
			assertThat(table.get(String.format("B-%08d", 2 * i + 1))).isNull();
			assertThat(table.get(String.format("B-%07d", 2 * i))).isNull();
		}
	}

	@Test
	void replacesAPartnerOnlyWhenAskedTo() {
		PartnerTable table = new PartnerTable();
		table.put(packed("T-A", "Berlin"), true);
		table.put(packed("T-A", "Bonn"), false);
		assertThat(PackedPartner.unpack(table.get("T-A")).city()).isEqualTo("Berlin");
		table.put(packed("T-A", "Bremen"), true);
		assertThat(PackedPartner.unpack(table.get("T-A")).city()).isEqualTo("Bremen");
		assertThat(table.size()).isOne();
	}

	@Test
	void handsOutEveryPartnerOnceAndStartsAgainEmptyWhenCleared() {
		PartnerTable table = new PartnerTable();
		for (int i = 0; i < 1_000; i++) {
			table.put(packed("T-" + i, "Köln"), true);
		}
		List<String> numbers = new ArrayList<>();
		table.forEach((packed) -> numbers.add(PackedPartner.number(packed)));
		assertThat(numbers).hasSize(1_000).doesNotHaveDuplicates().contains("T-0", "T-999");
		table.clear();
		assertThat(table.size()).isZero();
		assertThat(table.get("T-0")).isNull();
	}

	@Test
	void aCopyWithoutSomePartnersFindsAllOthersAndLeavesTheOriginalWhole() {
		PartnerTable table = new PartnerTable();
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 30_000; i++) {
			String number = String.format("B-%08d", i);
			numbers.add(number);
			table.put(packed(number, "Köln"), true);
		}
		SplittableRandom random = new SplittableRandom(21);
		Set<String> removed = new HashSet<>();
		while (removed.size() < 10_000) {
			removed.add(numbers.get(random.nextInt(numbers.size())));
		}
		removed.add("B-99999999");
		PartnerTable copy = table.without(removed);
		assertThat(copy.size()).isEqualTo(20_000);
		for (String number : numbers) {
			assertThat(copy.get(number) == null).as(number).isEqualTo(removed.contains(number));
			assertThat(table.get(number)).as(number).isNotNull();
		}
		assertThat(table.size()).isEqualTo(30_000);
		copy.put(packed("B-00000000", "Bonn"), true);
		assertThat(PackedPartner.unpack(copy.get("B-00000000")).city()).isEqualTo("Bonn");
		assertThat(PackedPartner.unpack(table.get("B-00000000")).city()).isEqualTo("Köln");
	}

	@Test
	void readersWhileAWriterAddsAndGrowsTheTableFindEveryPartnerAddedBefore() {
		PartnerTable table = new PartnerTable();
		int partners = 200_000;
		AtomicInteger written = new AtomicInteger();
		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < partners; i++) {
				table.put(packed(String.format("B-%08d", i), "City " + i), true);
				written.set(i + 1);
			}
		});
		SplittableRandom random = new SplittableRandom(7);
		int seen = 0;
		while (!writer.isDone() || seen == 0) {
			int upTo = written.get();
			if (upTo == 0) {
				continue;
			}
			// added before the count was read, so it must be found
			int i = random.nextInt(upTo);
			byte[] packed = table.get(String.format("B-%08d", i));
			assertThat(packed).isNotNull();
			assertThat(PackedPartner.unpack(packed).city()).isEqualTo("City " + i);
			seen++;
		}
		writer.join();
		for (int i = 0; i < partners; i++) {
			assertThat(table.get(String.format("B-%08d", i))).isNotNull();
		}
	}

	private static byte[] packed(String number, String city) {
		return PackedPartner.pack(new Partner(PartnerNumber.of(number), "Anna", "Schmidt", null, city, "DE", "de",
				PartnerStatus.ACTIVE, Instant.parse("2025-06-01T00:00:00Z")));
	}

}
