package io.treeline.cypher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CypherStatementsTest {

	@Test
	void loadsAStatementByFeatureAndMethodNameWithoutItsHeader() {
		String statement = CypherStatements.load("partner/findByNumber");
		assertThat(statement).startsWith("MATCH (p:Partner {number: $number})").doesNotContain("//");
	}

	@Test
	void keepsCommentsInsideTheStatement() {
		assertThat(CypherStatements.withoutHeader("// header\n\nMATCH (n)\n// inner\nRETURN n\n"))
			.isEqualTo("MATCH (n)\n// inner\nRETURN n");
	}

	@Test
	void refusesUnknownAndMalformedNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> CypherStatements.load("partner/noSuchMethod"))
			.withMessageContaining("cypher/partner/noSuchMethod.cypher");
		assertThatIllegalArgumentException().isThrownBy(() -> CypherStatements.load("../secret"))
			.withMessageContaining("Not a statement name");
	}

	@Test
	void refusesAFileWithoutAStatement() {
		assertThatIllegalArgumentException().isThrownBy(() -> CypherStatements.withoutHeader("// only a header\n"));
	}

}
