package io.treeline.portal.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.treeline.portal.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class InitialAdministratorIT {

	private static final Pattern PRINTED_PASSWORD = Pattern.compile("password:\\s+(\\S+)");

	@Autowired
	JdbcUserDetailsManager accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@AfterEach
	void restoreTheTestAdministrator() {
		this.jdbc.sql("delete from users").update();
		new InitialAdministrator(this.accounts, this.jdbc, this.passwordEncoder, TestAccounts.ADMIN_PASSWORD)
			.run(new DefaultApplicationArguments());
	}

	@Test
	void createsTheAdministratorWithAGeneratedPasswordPrintedOnce(CapturedOutput output) {
		this.jdbc.sql("delete from users").update();
		InitialAdministrator first = new InitialAdministrator(this.accounts, this.jdbc, this.passwordEncoder, "");
		first.run(new DefaultApplicationArguments());
		Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
		assertThat(printed.find()).as("password printed").isTrue();
		String password = printed.group(1);
		assertThat(password).hasSize(20).isNotEqualTo(TestAccounts.ADMIN_PASSWORD);
		var admin = this.accounts.loadUserByUsername(InitialAdministrator.USERNAME);
		assertThat(this.passwordEncoder.matches(password, admin.getPassword())).isTrue();
		assertThat(admin.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN", "ROLE_STAFF");
		first.run(new DefaultApplicationArguments());
		assertThat(PRINTED_PASSWORD.matcher(output.getOut()).results().count()).isEqualTo(1);
	}

	@Test
	void generatesADifferentPasswordForEveryInstallation(CapturedOutput output) {
		this.jdbc.sql("delete from users").update();
		new InitialAdministrator(this.accounts, this.jdbc, this.passwordEncoder, "")
			.run(new DefaultApplicationArguments());
		this.jdbc.sql("delete from users").update();
		new InitialAdministrator(this.accounts, this.jdbc, this.passwordEncoder, "")
			.run(new DefaultApplicationArguments());
		assertThat(PRINTED_PASSWORD.matcher(output.getOut()).results().map((m) -> m.group(1)).distinct().count())
			.isEqualTo(2);
	}

}
