package io.treeline.portal.security;

import java.security.SecureRandom;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator account when the application starts without any
 * account. Its password is generated and printed once to the console, never a fixed
 * default; an installation that must know it in advance (a container, a test) sets
 * {@code treeline.admin.initial-password}.
 */
@Component
class InitialAdministrator implements ApplicationRunner {

	static final String USERNAME = "admin";

	private static final Logger logger = LoggerFactory.getLogger(InitialAdministrator.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final JdbcUserDetailsManager accounts;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final String configuredPassword;

	InitialAdministrator(JdbcUserDetailsManager accounts, JdbcClient jdbc, PasswordEncoder passwordEncoder,
			@Value("${treeline.admin.initial-password:}") String configuredPassword) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		long existing = this.jdbc.sql("select count(*) from users").query(Long.class).single();
		if (existing > 0) {
			return;
		}
		boolean generated = this.configuredPassword.isBlank();
		String password = generated ? generatePassword() : this.configuredPassword;
		this.accounts.createUser(User.withUsername(USERNAME)
			.password(this.passwordEncoder.encode(password))
			.roles(Roles.ADMIN, Roles.STAFF)
			.build());
		if (generated) {
			logger.warn("""

					==================================================================
					  First start: created the administrator account
					    user name: {}
					    password:  {}
					  This password is shown only this once: keep it safe.
					==================================================================
					""", USERNAME, password);
		}
		else {
			logger.info("Created the administrator account '{}' with the configured initial password", USERNAME);
		}
	}

	private static String generatePassword() {
		SecureRandom random = new SecureRandom();
		return random.ints(20, 0, ALPHABET.length())
			.mapToObj((i) -> String.valueOf(ALPHABET.charAt(i)))
			.collect(Collectors.joining());
	}

}
