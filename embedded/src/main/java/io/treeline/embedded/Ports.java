package io.treeline.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Chooses and checks ports on the loopback interface before a store binds them, so an
 * occupied port is reported with the setting that moves it instead of a deep bind error.
 */
final class Ports {

	private Ports() {
	}

	static int freeOrRequested(int requested, String setting, String store) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requested));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new EmbeddedStoreException(
					"Port %d for the embedded %s is already in use: set %s to a free port (0 picks one)."
						.formatted(requested, store, setting),
					setting, ex);
		}
	}

}
