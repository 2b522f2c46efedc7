package io.treeline.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates the folders the embedded stores keep their files in and checks that they can be
 * written before a store tries.
 */
final class DataFolders {

	static final String SETTING = "treeline.embedded.data-dir";

	private DataFolders() {
	}

	static Path prepare(Path dataDir, String store) {
		Path folder = dataDir.toAbsolutePath().normalize().resolve(store);
		try {
			Files.createDirectories(folder);
			Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
			Files.delete(probe);
			return folder;
		}
		catch (IOException | SecurityException ex) {
			throw new EmbeddedStoreException(
					"The data folder %s cannot be written: set %s to a writable folder.".formatted(folder, SETTING),
					SETTING, ex);
		}
	}

}
