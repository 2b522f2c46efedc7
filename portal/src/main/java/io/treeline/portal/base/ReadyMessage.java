package io.treeline.portal.base;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started the application where to find it, once it accepts
 * requests.
 */
@Component
class ReadyMessage {

	private static final Logger logger = LoggerFactory.getLogger(ReadyMessage.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			int port = web.getWebServer().getPort();
			logger.info(
					"Treeline is ready: back office at http://localhost:{}/ , GraphQL at http://localhost:{}/graphql",
					port, port);
		}
	}

}
