package io.treeline.portal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The GraphQL explorer at {@code /graphiql}, served with its scripts from webjars so it
 * works without internet access; it queries {@code /graphql} with the signed-in user's
 * session and CSRF token.
 */
@Controller
@ConditionalOnBooleanProperty(name = "treeline.graphiql.enabled", matchIfMissing = true)
class GraphiQlController {

	private final String page;

	private final String endpoint;

	GraphiQlController(@Value("${spring.graphql.http.path:/graphql}") String endpoint) throws IOException {
		this.page = new ClassPathResource("graphiql/index.html").getContentAsString(StandardCharsets.UTF_8);
		this.endpoint = endpoint;
	}

	@GetMapping(path = "/graphiql", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> explorer(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String html = this.page.replace("{{endpoint}}", HtmlUtils.htmlEscape(request.getContextPath() + this.endpoint))
			.replace("{{csrfHeader}}", HtmlUtils.htmlEscape(csrf.getHeaderName()))
			.replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html);
	}

}
