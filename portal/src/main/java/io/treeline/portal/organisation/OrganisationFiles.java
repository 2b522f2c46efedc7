package io.treeline.portal.organisation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uploaded files of one organisation import, in temporary files on disk.
 *
 * @param partners the partners file
 * @param sponsorships the sponsor edges file
 * @param placements the placement edges file, or {@code null}
 */
record OrganisationFiles(Path partners, Path sponsorships, Path placements) {

	private static final Logger logger = LoggerFactory.getLogger(OrganisationFiles.class);

	OrganisationFiles {
		Objects.requireNonNull(partners, "partners");
		Objects.requireNonNull(sponsorships, "sponsorships");
	}

	/**
	 * Deletes the files that are still there.
	 */
	void delete() {
		Stream.of(this.partners, this.sponsorships, this.placements)
			.filter(Objects::nonNull)
			.forEach(OrganisationFiles::delete);
	}

	/**
	 * Deletes a file if it is still there; a file that cannot be deleted is logged, not
	 * thrown, so that it never hides the outcome of an import.
	 * @param file the file
	 */
	static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Cannot delete the uploaded file {}", file, ex);
		}
	}

}
