package io.treeline.portal.organisation;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.treeline.compensation.PeriodLength;
import io.treeline.compensation.Plan;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.PlanVersion;
import io.treeline.compensation.Plans;
import io.treeline.graph.ImportProblem;
import io.treeline.graph.ImportResult;
import io.treeline.graph.OrganisationImport;
import io.treeline.graph.PlacementPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrganisationUploadsTest {

	@TempDir
	Path folder;

	final RecordingImport organisationImport = new RecordingImport();

	final List<Runnable> tasks = new ArrayList<>();

	final OrganisationUploads uploads = new OrganisationUploads(this.organisationImport,
			new CompanyPlacementPlans(new TwoPlans(), JsonMapper.builder().build()), this.tasks::add);

	@Test
	void importsTheFilesFromDiskWithTheCompanysPlacementPlansAndDeletesThem() throws IOException {
		OrganisationFiles files = files("Krämer", true);
		ImportResult result = this.uploads.importFiles(files);
		assertThat(result.loaded()).isTrue();
		assertThat(this.organisationImport.texts).containsExactly("partners Krämer", "sponsorships", "placements");
		assertThat(this.organisationImport.plans).isEqualTo(new PlacementPlans(Set.of("binary"), Map.of("matrix", 3)));
		assertThat(this.folder).isEmptyDirectory();
	}

	@Test
	void importsWithoutAPlacementsFile() throws IOException {
		assertThat(this.uploads.importFiles(files("Ina", false)).loaded()).isTrue();
		assertThat(this.organisationImport.texts).containsExactly("partners Ina", "sponsorships", null);
		assertThat(this.folder).isEmptyDirectory();
	}

	@Test
	void deletesTheFilesWhenTheImportRefusesThemOrFails() throws IOException {
		this.organisationImport.refuse = true;
		assertThat(this.uploads.importFiles(files("Ina", true)).problemCount()).isEqualTo(1);
		assertThat(this.folder).isEmptyDirectory();
		OrganisationFiles latin1 = files("Ina", true);
		Files.write(latin1.partners(), "number\nKr\u00e4mer\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.uploads.importFiles(latin1));
		assertThat(this.folder).isEmptyDirectory();
	}

	@Test
	void runsOneImportAtATimeAndKeepsTheFilesOfARefusedStart() throws IOException {
		OrganisationFiles first = files("first", true);
		Optional<CompletableFuture<ImportResult>> running = this.uploads.start(first);
		assertThat(running).isPresent();
		assertThat(this.uploads.busy()).isTrue();
		OrganisationFiles second = files("second", true);
		assertThat(this.uploads.start(second)).isEmpty();
		assertThat(second.partners()).exists();
		this.tasks.remove(0).run();
		assertThat(running.get()).isCompletedWithValueMatching(ImportResult::loaded);
		assertThat(first.partners()).doesNotExist();
		assertThat(this.uploads.busy()).isFalse();
		assertThat(this.uploads.start(second)).isPresent();
	}

	private OrganisationFiles files(String name, boolean placements) throws IOException {
		Path partners = Files.writeString(Files.createTempFile(this.folder, "partners", ".csv"), "partners " + name);
		Path sponsorships = Files.writeString(Files.createTempFile(this.folder, "sponsorships", ".csv"),
				"sponsorships");
		Path placementsFile = placements
				? Files.writeString(Files.createTempFile(this.folder, "placements", ".csv"), "placements") : null;
		return new OrganisationFiles(partners, sponsorships, placementsFile);
	}

	static final class RecordingImport implements OrganisationImport {

		final List<String> texts = new ArrayList<>();

		PlacementPlans plans;

		boolean refuse;

		@Override
		public ImportResult importCsv(Reader partners, Reader sponsorships, Reader placements, PlacementPlans plans) {
			this.texts.clear();
			this.texts.add(text(partners));
			this.texts.add(text(sponsorships));
			this.texts.add((placements != null) ? text(placements) : null);
			this.plans = plans;
			return this.refuse ? new ImportResult(List.of(new ImportProblem("partners", 2, "wrong")), 1, 1, 0, 0)
					: ImportResult.loaded(1, 0, 0);
		}

		@Override
		public ImportResult importCsv(Reader partners, Reader sponsorships, Reader placements) {
			throw new UnsupportedOperationException("the back office knows the plans");
		}

		private static String text(Reader reader) {
			StringWriter text = new StringWriter();
			try {
				reader.transferTo(text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return text.toString();
		}

	}

	/**
	 * A binary plan, a matrix plan whose second version widened it to 3, and a unilevel
	 * plan.
	 */
	static final class TwoPlans implements Plans {

		@Override
		public List<Plan> all() {
			return List.of(new Plan("binary", PlanType.BINARY, PeriodLength.MONTHLY, "2026-01"),
					new Plan("matrix", PlanType.MATRIX, PeriodLength.MONTHLY, "2026-01"),
					new Plan("unilevel", PlanType.UNILEVEL, PeriodLength.MONTHLY, "2026-01"));
		}

		@Override
		public List<PlanVersion> versions(String plan) {
			return List.of(
					new PlanVersion(plan, 1, LocalDate.parse("2026-01-01"),
							"{\"type\":\"MATRIX\",\"width\":2,\"depth\":1,\"levelRates\":[\"0.1\"]}"),
					new PlanVersion(plan, 2, LocalDate.parse("2026-03-01"),
							"{\"type\":\"MATRIX\",\"width\":3,\"depth\":1,\"levelRates\":[\"0.1\"]}"));
		}

		@Override
		public PlanVersion create(Plan plan, LocalDate effectiveFrom, String document) {
			throw new UnsupportedOperationException();
		}

		@Override
		public PlanVersion addVersion(String plan, LocalDate effectiveFrom, String document) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<Plan> find(String name) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<PlanVersion> inForce(String plan, Instant at) {
			throw new UnsupportedOperationException();
		}

	}

}
