package org.clearframe.ui;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clearframe.AppFolders;
import org.clearframe.AppInfo;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.Production;
import org.clearframe.store.ProductionStore;
import org.controlsfx.control.StatusBar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main window: menus, the navigator, the page area and the status bar. It owns the open
 * {@link Session}; opening a file happens off the FX thread behind a progress indicator.
 */
public final class MainController {

    private static final System.Logger LOG = System.getLogger(MainController.class.getName());
    static final FileChooser.ExtensionFilter PRODUCTION_FILES =
            new FileChooser.ExtensionFilter("Clearframe productions (*.clearframe)", "*.clearframe");

    @FXML private BorderPane root;
    @FXML private Menu recentMenu;
    @FXML private MenuItem saveCopyItem, closeItem, undoItem, redoItem;
    @FXML private MenuItem importShotsItem, exportCsvItem, exportPdfItem, exportEvidenceItem, exportJsonItem, shareItem;
    @FXML private Menu productionMenu;
    private List<MenuItem> productionOnly = List.of();
    @FXML private Menu editMenu, viewMenu;
    @FXML private ListView<Page> navigator;
    @FXML private StackPane content;
    @FXML private StatusBar statusBar;
    /** Shown while the production's stored policy cannot be read (fail closed: nothing is cleared meanwhile). */
    @FXML private Label policyBanner;

    private final RecentFiles recent = RecentFiles.forUser();
    private final ProductionActions actions = new ProductionActions(this);
    private final Map<Page, Views.Loaded<PageController>> pages = new EnumMap<>(Page.class);
    private Session session;
    private Views.Loaded<WelcomeController> welcome;

    @FXML
    private void initialize() {
        productionOnly = List.of(importShotsItem, exportCsvItem, exportPdfItem, exportEvidenceItem, exportJsonItem, shareItem, productionMenu);
        navigator.getItems().setAll(Page.values());
        navigator.setCellFactory(list -> new NavigatorCell());
        navigator.getSelectionModel().selectedItemProperty().addListener((o, was, page) -> {
            if (page != null) showPage(page);
        });
        recentMenu.setOnShowing(e -> fillRecentMenu());
        fillRecentMenu();
        showWelcome();
    }

    Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Session session() {
        return session;
    }

    // -------------------------------------------------------------------------------------- file handling

    @FXML
    void newProduction() {
        FileChooser chooser = chooser("New Production");
        chooser.setInitialFileName("Untitled.clearframe");
        Path file = toPath(chooser.showSaveDialog(window()));
        if (file == null) return;
        createProduction(withExtension(file));
    }

    /** Creates a production file named after the file and opens it on its details page. */
    void createProduction(Path file) {
        if (session != null && session.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            Dialogs.error(window(), "Choose another name", file.getFileName() + " is the production open in this window.");
            return;
        }
        if (Files.exists(file)) {
            // The file chooser already asked to replace it, but a production open elsewhere must not vanish under
            // the window that holds it.
            try {
                ProductionStore.open(file).close();
            } catch (org.clearframe.store.ProjectFileException e) {
                if (e.problem() == org.clearframe.store.ProjectFileException.Problem.LOCKED) {
                    Dialogs.error(window(), "Could not replace " + file.getFileName(), e.getMessage());
                    return;
                }
            }
            if (!Dialogs.attempt(window(), "Could not replace " + file.getFileName(), () -> Files.delete(file))) return;
        }
        String title = file.getFileName().toString().replaceFirst("\\.clearframe$", "");
        run("Creating " + file.getFileName(), "Could not create " + file.getFileName(), () -> {
            return Session.create(file, Production.titled(title));
        }, opened -> {
            adopt(opened);
            navigator.getSelectionModel().select(Page.PRODUCTION);
        });
    }

    @FXML
    void open() {
        Path file = toPath(chooser("Open Production").showOpenDialog(window()));
        if (file != null) openFile(file);
    }

    /** Opens a production off the FX thread; a refused file is explained and left untouched. */
    public void openFile(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (session != null && session.file().toAbsolutePath().normalize().equals(target)) return;
        run("Opening " + target.getFileName(), "Could not open " + target.getFileName(), () -> {
            return Session.open(target);
        }, opened -> {
            adopt(opened);
            navigator.getSelectionModel().select(opened.scenes().isEmpty() ? Page.PRODUCTION : Page.SHOTS);
        });
    }

    @FXML
    void openSample() {
        Path copy = AppFolders.config().resolve("samples").resolve("Harbour Lights.clearframe");
        if (session != null && session.file().equals(copy)) closeProduction();
        boolean copied = Dialogs.attempt(window(), "Could not copy the sample production", () -> copySample(copy));
        if (copied) openFile(copy);
    }

    /** A fresh copy of the bundled sample, so the producer can try things without harming the original. */
    static void copySample(Path copy) throws IOException {
        Files.createDirectories(copy.getParent());
        try (InputStream in = MainController.class.getResourceAsStream("/org/clearframe/sample/harbour-lights.clearframe")) {
            if (in == null) throw new IOException("the sample production is missing from this build");
            Path temp = copy.resolveSibling(copy.getFileName() + ".partial");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + "-wal"));
        // The sample's sign-offs are attested by a key thrown away when it was built, which nobody trusts; the copy is
        // the user's own production now, so they vouch for its record with their key, as the sample's producer.
        try (Session sample = Session.open(copy)) {
            sample.attestEarlierSignOffs();
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private boolean isOpenProduction(Path file) {
        return org.clearframe.OutputFile.sameFile(file, session.file());
    }

    @FXML
    void saveCopy() {
        if (session == null) return;
        FileChooser chooser = chooser("Save a Copy As");
        chooser.setInitialFileName(session.file().getFileName().toString().replaceFirst("\\.clearframe$", "") + " copy.clearframe");
        Path target = toPath(chooser.showSaveDialog(window()));
        if (target == null) return;
        Path file = withExtension(target);
        try {
            // The dialog asked before replacing, but a production (this one, or any other) is never replaced.
            org.clearframe.OutputFile.checkTarget(file, true, session.file());
        } catch (org.clearframe.OutputFile.Refused e) {
            Dialogs.error(window(), "Choose another name", isOpenProduction(file)
                    ? "A copy cannot replace the production it is made from." : e.getMessage());
            return;
        }
        Dialogs.attempt(window(), "Could not save a copy", () -> {
            session.copyTo(file);
            statusBar.setText("Saved a copy as " + file.getFileName());
        });
    }

    @FXML
    void closeProduction() {
        if (session == null) return;
        saveWhatIsBeingTyped();
        session.close();
        session = null;
        policyBanner.textProperty().unbind();
        policyBanner.visibleProperty().unbind();
        policyBanner.managedProperty().unbind();
        policyBanner.setVisible(false);
        policyBanner.setManaged(false);
        pages.clear();
        navigator.setVisible(false);
        navigator.setManaged(false);
        showWelcome();
        updateTitle();
    }

    /** Fields and table cells save as focus leaves them; closing a window moves no focus, so move it here. */
    private void saveWhatIsBeingTyped() {
        javafx.scene.Scene scene = root.getScene();
        if (scene != null && scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl) root.requestFocus();
    }

    @FXML
    void quit() {
        closeProduction();
        Platform.exit();
    }

    void status(String text) {
        statusBar.setText(text);
    }

    private void adopt(Session opened) {
        if (session != null) closeProduction();
        session = opened;
        recent.add(opened.file());
        pages.clear();
        navigator.setVisible(true);
        navigator.setManaged(true);
        navigator.getSelectionModel().clearSelection();
        opened.productionProperty().addListener((o, a, b) -> updateTitle());
        opened.shots().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshCounts());
        opened.scenes().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshCounts());
        opened.departments().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshCounts());
        opened.cast().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshCounts());
        opened.flagsRevisionProperty().addListener((o, a, b) -> refreshCounts());
        policyBanner.textProperty().bind(opened.policyProblemProperty());
        policyBanner.visibleProperty().bind(opened.policyProblemProperty().isNotEmpty());
        policyBanner.managedProperty().bind(opened.policyProblemProperty().isNotEmpty());
        undoItem.disableProperty().bind(opened.undoNameProperty().isEmpty());
        redoItem.disableProperty().bind(opened.redoNameProperty().isEmpty());
        undoItem.textProperty().bind(Bindings.when(opened.undoNameProperty().isEmpty()).then("Undo")
                .otherwise(Bindings.concat("Undo ", opened.undoNameProperty())));
        redoItem.textProperty().bind(Bindings.when(opened.redoNameProperty().isEmpty()).then("Redo")
                .otherwise(Bindings.concat("Redo ", opened.redoNameProperty())));
        updateTitle();
        refreshCounts();
    }

    // ------------------------------------------------------------------------------------------- pages

    private void showWelcome() {
        if (welcome == null) {
            welcome = Views.load(MainController.class, "WelcomeView.fxml");
            welcome.controller().bind(this);
        }
        welcome.controller().refresh(recent.list());
        content.getChildren().setAll(welcome.root());
        boolean open = session != null;
        saveCopyItem.setDisable(!open);
        closeItem.setDisable(!open);
        viewMenu.setDisable(!open);
        for (MenuItem item : productionOnly) item.setDisable(!open);
        undoItem.disableProperty().unbind();
        redoItem.disableProperty().unbind();
        undoItem.textProperty().unbind();
        redoItem.textProperty().unbind();
        undoItem.setText("Undo");
        redoItem.setText("Redo");
        undoItem.setDisable(true);
        redoItem.setDisable(true);
        statusBar.setText("No production open");
    }

    void select(Page page) {
        navigator.getSelectionModel().select(page);
    }

    private void showPage(Page page) {
        if (session == null) return;
        Views.Loaded<PageController> loaded = pages.computeIfAbsent(page, p -> {
            Views.Loaded<PageController> view = Views.load(MainController.class, p.fxml);
            view.controller().bind(session, this);
            return view;
        });
        content.getChildren().setAll(loaded.root());
        saveCopyItem.setDisable(false);
        closeItem.setDisable(false);
        viewMenu.setDisable(false);
        for (MenuItem item : productionOnly) item.setDisable(false);
        loaded.controller().shown();
    }

    /** The page's controller, loading the page if it has not been shown yet (tests and cross-page links). */
    @SuppressWarnings("unchecked")
    <C extends PageController> C page(Page page) {
        select(page);
        return (C) pages.get(page).controller();
    }

    @FXML void showProduction() { select(Page.PRODUCTION); }
    @FXML void showScenes() { select(Page.SCENES); }
    @FXML void showShots() { select(Page.SHOTS); }
    @FXML void showDepartments() { select(Page.DEPARTMENTS); }
    @FXML void showCast() { select(Page.CAST); }
    @FXML void showSignOffs() { select(Page.SIGN_OFFS); }
    @FXML void showConsent() { select(Page.CONSENT); }
    @FXML void importScript() { actions.importScript(); }
    @FXML void importShots() { actions.importShots(); }
    @FXML void exportCsv() { actions.exportCsv(); }
    @FXML void exportJson() { actions.exportJson(); }
    @FXML void exportPdf() { actions.exportPdf(); }
    @FXML void exportEvidence() { actions.exportEvidence(); }
    @FXML void importJson() { actions.importJson(); }
    @FXML void loadPolicy() { actions.loadPolicy(); }
    @FXML void useDefaultPolicy() { actions.useDefaultPolicy(); }
    @FXML void importReply() { actions.importReply(); }
    @FXML void attestEarlierSignOffs() { actions.attestEarlierSignOffs(); }
    @FXML void shareWithDepartment() { actions.shareWithDepartment(); }
    @FXML void reviewPackage() { actions.reviewPackage(); }
    @FXML void showPolicy() { select(Page.POLICY); }

    // ------------------------------------------------------------------------------------------ editing

    @FXML
    void undo() {
        if (session != null) Dialogs.attempt(window(), "Could not undo", session::undo);
    }

    @FXML
    void redo() {
        if (session != null) Dialogs.attempt(window(), "Could not redo", session::redo);
    }

    @FXML
    void about() {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        Dialogs.prepare(alert, window(), AppInfo.NAME + " " + AppInfo.version());
        alert.setContentText("""
                Plan where generative AI touches a production, shot by shot, and get it signed off by the people \
                whose craft, likeness or rights it touches.

                Clearframe is licensed under the Apache License 2.0.

                Bundled libraries and fonts:
                  OpenJFX 21 — GPL 2.0 with the Classpath Exception
                  ControlsFX 11 — BSD 3-Clause
                  sqlite-jdbc and SQLite — Apache 2.0; SQLite is in the public domain
                  Jackson — Apache 2.0
                  SLF4J — MIT
                  OpenPDF — LGPL 2.1 / MPL 2.0
                  DejaVu Sans fonts — Bitstream Vera licence, public-domain changes
                """);
        alert.getDialogPane().setMinWidth(560);
        alert.showAndWait();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Runs slow work off the FX thread with a progress indicator over the page; errors become dialogs. */
    <T> void run(String what, String failure, java.util.concurrent.Callable<T> work, Consumer<T> done) {
        Task<T> task = new Task<>() {
            @Override protected T call() throws Exception {
                return work.call();
            }
        };
        Node busy = busyOverlay(what);
        content.getChildren().add(busy);
        task.setOnSucceeded(e -> {
            content.getChildren().remove(busy);
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            content.getChildren().remove(busy);
            Throwable t = task.getException();
            LOG.log(System.Logger.Level.WARNING, what + " failed", t);
            Dialogs.error(window(), failure, t.getMessage() == null ? t.toString() : t.getMessage());
        });
        Thread thread = new Thread(task, "clearframe-" + what);
        thread.setDaemon(true);
        thread.start();
    }

    private static Node busyOverlay(String what) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        VBox box = new VBox(12, spinner, new Label(what + "…"));
        box.getStyleClass().add("busy-overlay");
        return box;
    }

    private void updateTitle() {
        if (!(window() instanceof Stage stage)) return;
        stage.setTitle(session == null ? AppInfo.NAME : session.file().getFileName() + " — " + AppInfo.NAME);
    }

    private void refreshCounts() {
        if (session == null) return;
        int ai = session.shotsWithAiUseProperty().get(); // kept by the session, not counted again per edit
        var flags = session.flagSummaryProperty().get();
        String signOffs = session.policyProblem().isEmpty() ? flags.openBlocking() + " blocking sign-offs open"
                : "studio policy unreadable: nothing is cleared";
        statusBar.setText(session.scenes().size() + " scenes · " + session.shots().size() + " shots · " + ai
                + " with AI use · " + signOffs + notCounted(session) + " · saved to " + session.file().getFileName());
        navigator.refresh();
    }

    /** Sign-offs in the file without a valid proof are not shown as given; say that they exist and why. */
    private static String notCounted(Session session) {
        var ignored = session.ignoredSignOffs();
        if (ignored.isEmpty()) return "";
        // Waiting for the producer's word: recorded before proofs, or proven by a key this machine does not trust.
        long earlier = ignored.stream().filter(i -> i.why() != SignedRecord.Why.NO_VALID_PROOF).count();
        long unproven = ignored.size() - earlier;
        return (unproven == 0 ? "" : " · " + unproven + " sign-off" + (unproven == 1 ? "" : "s") + " without a valid proof ignored")
                + (earlier == 0 ? "" : " · " + earlier + " sign-off" + (earlier == 1 ? "" : "s")
                + " not counted until you attest them (Production > Attest Earlier Sign-offs)");
    }

    private void fillRecentMenu() {
        List<Path> files = recent.list();
        recentMenu.getItems().clear();
        for (Path p : files) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openFile(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(files.isEmpty());
    }

    static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(PRODUCTION_FILES);
        return chooser;
    }

    static Path toPath(java.io.File f) {
        return f == null ? null : f.toPath();
    }

    private static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".clearframe") ? file : file.resolveSibling(name + ".clearframe");
    }

    /** Shows a page name with a count, e.g. "Shots  148". */
    private final class NavigatorCell extends ListCell<Page> {
        @Override protected void updateItem(Page page, boolean empty) {
            super.updateItem(page, empty);
            if (empty || page == null || session == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(page.title);
            name.getStyleClass().add("nav-name");
            Label count = new Label(countOf(page));
            count.getStyleClass().add("nav-count");
            if (page == Page.SIGN_OFFS && session.flagSummaryProperty().get().openBlocking() > 0) count.getStyleClass().add("nav-alert");
            if (page == Page.CONSENT && !count.getText().isEmpty()) count.getStyleClass().add("nav-alert");
            javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
            javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, name, gap, count);
            setText(null);
            setGraphic(row);
        }

        private String countOf(Page page) {
            return switch (page) {
                case PRODUCTION -> "";
                case SCENES -> Integer.toString(session.scenes().size());
                case SHOTS -> Integer.toString(session.shots().size());
                case DEPARTMENTS -> Integer.toString(session.departments().size());
                case CAST -> Integer.toString(session.cast().size());
                case SIGN_OFFS -> {
                    var s = session.flagSummaryProperty().get();
                    int open = s.openBlocking() + s.openAdvisory();
                    yield open == 0 ? "" : Integer.toString(open);
                }
                case POLICY -> Integer.toString(session.policy().rules().size());
                case CONSENT -> {
                    long gaps = org.clearframe.rules.ConsentCoverage.of(session.snapshot()).stream().filter(c -> !c.covered()).count();
                    yield gaps == 0 ? "" : Long.toString(gaps);
                }
            };
        }
    }
}
