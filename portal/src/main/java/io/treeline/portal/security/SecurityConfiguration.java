package io.treeline.portal.security;

import java.util.Set;

import javax.sql.DataSource;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Who may do what: the GraphQL API takes HTTP Basic credentials (for tools) or the
 * browser session of a signed-in user (for the GraphQL explorer); everything else is the
 * Vaadin UI behind a form log-in, where every view declares who may open it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain graphQlApi(HttpSecurity http) throws Exception {
		// statuses are set, not sent as errors: an error dispatch would reach the UI's
		// chain and turn an API's 401 into a redirect to the log-in page
		AuthenticationEntryPoint askForCredentials = (request, response, failure) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Treeline\"");
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		};
		return http.securityMatcher("/graphql", "/graphql/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAnyRole(Roles.ADMIN, Roles.STAFF))
			.httpBasic((basic) -> basic.authenticationEntryPoint(askForCredentials))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(askForCredentials)
				.accessDeniedHandler((request, response, denied) -> response.setStatus(HttpStatus.FORBIDDEN.value())))
			// only a request authenticated by the session cookie (the explorer, which
			// sends
			// the token) can be forged by another site
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::usesSessionForAChange))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain userInterface(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/webjars/**")
			.permitAll()
			.requestMatchers("/graphiql", "/graphiql/**")
			.hasAnyRole(Roles.ADMIN, Roles.STAFF));
		return http.with(VaadinSecurityConfigurer.vaadin(), (vaadin) -> vaadin.loginView(LoginView.class)).build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	JdbcUserDetailsManager accounts(DataSource dataSource) {
		return new JdbcUserDetailsManager(dataSource);
	}

	private static boolean usesSessionForAChange(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		boolean ownCredentials = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
		boolean safeMethod = Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod());
		return !safeMethod && !ownCredentials && request.getRequestedSessionId() != null;
	}

}
