package io.treeline.compensation.store;

import java.math.BigDecimal;

import javax.sql.DataSource;

import io.treeline.compensation.EmptyCompany;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A copy of more rows than one chunk of text is still one statement: the ledger's
 * statement trigger sees all entries of a journal transaction together (a close of a
 * million partners posts more entries than a chunk holds).
 */
@SpringBootTest
class PostgresCopyIT {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	Flyway flyway;

	@Autowired
	PlatformTransactionManager compensationTransactionManager;

	@BeforeEach
	void empty() {
		EmptyCompany.reset(this.neo4j, this.jdbc, this.flyway);
	}

	@Test
	void copiesEntriesOfOneJournalTransactionInChunksAsOneStatement() {
		PostgresCopy copy = new PostgresCopy(this.dataSource, 3);
		new TransactionTemplate(this.compensationTransactionManager).executeWithoutResult((status) -> {
			long id = insertTransaction("chunks");
			// ten entries in chunks of three: the balance is reached only by the last
			copy.copy("journal_entries (transaction_id, entry_no, account, amount, currency)", 10,
					(index, row) -> row.add(id)
						.add(index + 1)
						.add((index < 9) ? "commission-payable:P-" + index : "commission-expense")
						.add((index < 9) ? "-1.00" : "9.00")
						.add("EUR"));
		});
		assertThat(this.jdbc.sql("select count(*) from journal_entries").query(Long.class).single()).isEqualTo(10);
		assertThat(this.jdbc.sql("select sum(amount) from journal_entries").query(BigDecimal.class).single()).isZero();
	}

	@Test
	void leavesTheConnectionUsableAfterACopyFailedAndWritesNothing() {
		PostgresCopy copy = new PostgresCopy(this.dataSource, 3);
		TransactionTemplate transaction = new TransactionTemplate(this.compensationTransactionManager);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> transaction.executeWithoutResult((s) -> {
			long id = insertTransaction("unbalanced");
			copy.copy("journal_entries (transaction_id, entry_no, account, amount, currency)", 7,
					(index, row) -> row.add(id).add(index + 1).add("commission-expense").add("1.00").add("EUR"));
		})).withMessageContaining("does not balance");
		assertThat(this.jdbc.sql("select count(*) from journal_transactions").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select 1").query(Integer.class).single()).isEqualTo(1);
	}

	private long insertTransaction(String key) {
		return this.jdbc.sql("""
				insert into journal_transactions (idempotency_key, description, booked_at)
				values (:key, 'test', now()) returning id""").param("key", key).query(Long.class).single();
	}

}
