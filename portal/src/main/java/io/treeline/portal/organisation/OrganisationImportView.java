package io.treeline.portal.organisation;

import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import io.treeline.graph.ImportProblem;
import io.treeline.graph.ImportResult;
import io.treeline.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office's import of an existing organisation: the CSV files are uploaded into
 * temporary files (streamed, never whole in memory), imported in the background, and
 * deleted afterwards; the outcome is either what was imported or the problems with their
 * lines. Only administrators may import: an import adds partners and edges that are never
 * deleted.
 */
@Route("organisation-import")
@PageTitle("Organisation importieren | Treeline")
@RolesAllowed(Roles.ADMIN)
public class OrganisationImportView extends VerticalLayout {

	private static final Logger logger = LoggerFactory.getLogger(OrganisationImportView.class);

	private final OrganisationUploads uploads;

	private final Map<Kind, Path> uploaded = new EnumMap<>(Kind.class);

	private final Set<Path> created = ConcurrentHashMap.newKeySet();

	private final Map<Kind, Upload> fields = new EnumMap<>(Kind.class);

	private final Button start = new Button("Importieren");

	private final ProgressBar progress = new ProgressBar();

	private final Paragraph outcome = new Paragraph();

	private final Grid<ImportProblem> problems = new Grid<>(ImportProblem.class, false);

	OrganisationImportView(OrganisationUploads uploads) {
		this.uploads = uploads;
		setSizeFull();
		add(new H2("Organisation importieren"), explanation(), files(), controls(), this.outcome, this.problems);
		configureProblems();
		addDetachListener((detach) -> deleteUploads());
	}

	private static Paragraph explanation() {
		return new Paragraph("Partner, Sponsorbeziehungen und, wenn es Platzierungsbäume gibt, Platzierungen als "
				+ "CSV-Dateien in UTF-8 (Format: docs/import-format.md). Alle Dateien werden vollständig geprüft, "
				+ "auch gegen die Genealogie und die Pläne; bei einem Problem wird nichts importiert. Ein Import fügt "
				+ "nur hinzu: dieselben Dateien noch einmal ändern nichts.");
	}

	private HorizontalLayout files() {
		HorizontalLayout files = new HorizontalLayout();
		for (Kind kind : Kind.values()) {
			Upload upload = new Upload(
					UploadHandler.toFile((metadata, file) -> uploaded(kind, file.toPath()), this::temporaryFile));
			upload.setId("upload-" + kind.id);
			upload.setMaxFiles(1);
			upload.setAcceptedFileTypes(".csv", "text/csv");
			// the file as the request body: no multipart parsing, no container size limit
			upload.setUploadFormat(UploadFormat.RAW);
			upload.setI18n(german());
			upload.addFileRemovedListener((removed) -> discard(kind));
			this.fields.put(kind, upload);
			files.add(new VerticalLayout(new Span(kind.label + (kind.optional ? " (optional)" : "")), upload));
		}
		return files;
	}

	private static UploadI18N german() {
		return new UploadI18N().setAddFiles(new UploadI18N.AddFiles().setOne("Datei wählen …"))
			.setDropFiles(new UploadI18N.DropFiles().setOne("oder hier ablegen"))
			.setError(new UploadI18N.Error().setTooManyFiles("Nur eine Datei; die erste erst entfernen.")
				.setIncorrectFileType("Bitte eine CSV-Datei wählen."));
	}

	private HorizontalLayout controls() {
		this.start.setId("organisation-import-start");
		this.start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.start.setEnabled(false);
		this.start.addClickListener((click) -> startImport());
		this.progress.setIndeterminate(true);
		this.progress.setWidth("12em");
		this.progress.setVisible(false);
		this.outcome.setId("organisation-import-outcome");
		HorizontalLayout controls = new HorizontalLayout(this.start, this.progress);
		controls.setAlignItems(Alignment.CENTER);
		return controls;
	}

	private void configureProblems() {
		this.problems.setId("organisation-import-problems");
		this.problems.setSizeFull();
		this.problems.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
		this.problems.addColumn((problem) -> fileLabel(problem.file()))
			.setHeader("Datei")
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.problems.addColumn(ImportProblem::line).setHeader("Zeile").setAutoWidth(true).setFlexGrow(0);
		this.problems.addColumn(ImportProblem::message).setHeader("Problem").setFlexGrow(1);
		this.problems.setVisible(false);
	}

	/**
	 * Creates the file an upload is streamed into (in the request's thread). Every file
	 * is remembered until an import takes it over, so that leaving the page deletes it,
	 * also one whose upload broke off.
	 */
	private File temporaryFile(UploadMetadata metadata) throws IOException {
		Path file = Files.createTempFile("treeline-organisation-import-", ".csv");
		this.created.add(file);
		return file.toFile();
	}

	private void uploaded(Kind kind, Path file) {
		Path before = this.uploaded.put(kind, file);
		if (before != null) {
			delete(before);
		}
		this.start.setEnabled(ready());
	}

	private void discard(Kind kind) {
		Path file = this.uploaded.remove(kind);
		if (file != null) {
			delete(file);
		}
		this.start.setEnabled(ready());
	}

	private boolean ready() {
		return this.uploaded.containsKey(Kind.PARTNERS) && this.uploaded.containsKey(Kind.SPONSORSHIPS)
				&& !this.progress.isVisible();
	}

	private void startImport() {
		if (!ready()) {
			return;
		}
		OrganisationFiles files = new OrganisationFiles(this.uploaded.get(Kind.PARTNERS),
				this.uploaded.get(Kind.SPONSORSHIPS), this.uploaded.get(Kind.PLACEMENTS));
		Optional<CompletableFuture<ImportResult>> running = this.uploads.start(files);
		if (running.isEmpty()) {
			Notification
				.show("Ein anderer Import läuft gerade; bitte danach noch einmal versuchen.", 5000,
						Notification.Position.MIDDLE)
				.addThemeVariants(NotificationVariant.LUMO_WARNING);
			return;
		}
		// the running import owns the files now and deletes them
		this.created.removeAll(this.uploaded.values());
		this.uploaded.clear();
		this.fields.values().forEach(Upload::clearFileList);
		this.progress.setVisible(true);
		this.start.setEnabled(false);
		this.outcome.setText("Die Dateien werden geprüft und importiert …");
		this.problems.setVisible(false);
		UI ui = UI.getCurrent();
		ui.setPollInterval(500);
		running.get().whenComplete((result, failure) -> {
			try {
				ui.access(() -> {
					ui.setPollInterval(-1);
					this.progress.setVisible(false);
					show(result, failure);
					this.start.setEnabled(ready());
				});
			}
			catch (UIDetachedException ex) {
				// the user left; the import has run all the same
			}
		});
	}

	private void show(ImportResult result, Throwable failure) {
		if (failure != null) {
			logger.error("The organisation import failed", failure);
			this.outcome.setText(notUtf8(failure)
					? "Nichts importiert: eine Datei ist nicht in UTF-8 kodiert. Bitte als CSV (UTF-8) speichern."
					: "Nichts importiert: der Import ist fehlgeschlagen (" + failure.getMessage() + ").");
			return;
		}
		if (result.loaded()) {
			this.outcome.setText("Importiert: Partner " + number(result.partners()) + ", Sponsorbeziehungen "
					+ number(result.sponsorships()) + ", Platzierungen " + number(result.placements())
					+ ". Was die Genealogie schon enthielt, blieb unverändert.");
			return;
		}
		this.outcome.setText("Nichts importiert: " + number(result.problemCount())
				+ ((result.problemCount() == 1) ? " Problem" : " Probleme")
				+ ((result.problemCount() > result.problems().size())
						? ", die ersten " + number(result.problems().size()) + " nach Datei und Zeile:"
						: " nach Datei und Zeile:"));
		this.problems.setItems(result.problems());
		this.problems.setVisible(true);
	}

	private static boolean notUtf8(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CharacterCodingException) {
				return true;
			}
		}
		return false;
	}

	private static String number(long value) {
		return String.format(Locale.GERMANY, "%,d", value);
	}

	private static String fileLabel(String file) {
		for (Kind kind : Kind.values()) {
			if (kind.id.equals(file)) {
				return kind.label;
			}
		}
		return file;
	}

	private void delete(Path file) {
		this.created.remove(file);
		OrganisationFiles.delete(file);
	}

	private void deleteUploads() {
		this.uploaded.clear();
		this.created.forEach(this::delete);
	}

	/** The files of an import, named as the import names them in its problems. */
	private enum Kind {

		PARTNERS("partners", "Partner", false), SPONSORSHIPS("sponsorships", "Sponsorbeziehungen", false),
		PLACEMENTS("placements", "Platzierungen", true);

		private final String id;

		private final String label;

		private final boolean optional;

		Kind(String id, String label, boolean optional) {
			this.id = id;
			this.label = label;
			this.optional = optional;
		}

	}

}
