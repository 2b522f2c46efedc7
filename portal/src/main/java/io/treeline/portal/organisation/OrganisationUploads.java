package io.treeline.portal.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.treeline.graph.ImportResult;
import io.treeline.graph.OrganisationImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Imports an organisation from uploaded files on disk, with the company's placement
 * plans: the files are streamed from disk, never held in memory, and deleted once the
 * import is done, whatever its outcome. One import runs at a time on this node: two
 * imports checked against the same genealogy could each pass and together break it.
 */
@Component
class OrganisationUploads {

	private static final Logger logger = LoggerFactory.getLogger(OrganisationUploads.class);

	private final OrganisationImport organisationImport;

	private final CompanyPlacementPlans placementPlans;

	private final Executor executor;

	private final AtomicBoolean running = new AtomicBoolean();

	@Autowired
	OrganisationUploads(OrganisationImport organisationImport, CompanyPlacementPlans placementPlans) {
		this(organisationImport, placementPlans, new SimpleAsyncTaskExecutor("organisation-import-"));
	}

	OrganisationUploads(OrganisationImport organisationImport, CompanyPlacementPlans placementPlans,
			Executor executor) {
		this.organisationImport = organisationImport;
		this.placementPlans = placementPlans;
		this.executor = executor;
	}

	/**
	 * Starts importing the files in the background; they are deleted when it ends.
	 * @param files the uploaded files
	 * @return the outcome to come, or empty if another import runs now (the files are
	 * left as they are then)
	 */
	Optional<CompletableFuture<ImportResult>> start(OrganisationFiles files) {
		if (!this.running.compareAndSet(false, true)) {
			return Optional.empty();
		}
		try {
			return Optional.of(CompletableFuture.supplyAsync(() -> {
				try {
					return importFiles(files);
				}
				finally {
					this.running.set(false);
				}
			}, this.executor));
		}
		catch (RuntimeException ex) {
			this.running.set(false);
			throw ex;
		}
	}

	/**
	 * Whether an import runs now.
	 * @return whether {@link #start} would refuse
	 */
	boolean busy() {
		return this.running.get();
	}

	/**
	 * Imports the files now and deletes them.
	 * @param files the uploaded files
	 * @return the outcome
	 * @throws UncheckedIOException if a file cannot be read, e.g. is not UTF-8
	 */
	ImportResult importFiles(OrganisationFiles files) {
		long started = System.nanoTime();
		try (BufferedReader partners = Files.newBufferedReader(files.partners(), StandardCharsets.UTF_8);
				BufferedReader sponsorships = Files.newBufferedReader(files.sponsorships(), StandardCharsets.UTF_8);
				BufferedReader placements = (files.placements() != null)
						? Files.newBufferedReader(files.placements(), StandardCharsets.UTF_8) : null) {
			ImportResult result = this.organisationImport.importCsv(partners, sponsorships, placements,
					this.placementPlans.current());
			logger.info("Organisation import from uploaded files {} in {} ms: {} partners, {} problems",
					result.loaded() ? "loaded" : "refused", (System.nanoTime() - started) / 1_000_000,
					result.partners(), result.problemCount());
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the uploaded files", ex);
		}
		finally {
			files.delete();
		}
	}

}
