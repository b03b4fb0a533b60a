package org.clearframe.ui;

import org.clearframe.rules.Wording;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clearframe.ui.studio.StudioRegister;
import org.clearframe.AppFolders;
import org.clearframe.AppInfo;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.Production;
import org.clearframe.store.ProductionStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The main window: menus, the navigator, the page area and the status bar. It owns the open
 * {@link Session}; opening a file runs through {@link UiTasks}, which keeps the production's menus off meanwhile.
 * Pages reach each other through it as their {@link Navigator}, and never see it otherwise.
 */
public final class MainController implements Navigator, ProductionFiles {

    @FXML private BorderPane root;
    @FXML private javafx.scene.control.MenuBar menuBar;
    @FXML private Menu recentMenu;
    @FXML private MenuItem newItem, openItem, importScriptItem, importJsonItem, openSampleItem;
    @FXML private MenuItem saveCopyItem, closeItem, undoItem, redoItem;
    @FXML private MenuItem importShotsItem, exportCsvItem, exportPdfItem, exportEvidenceItem, exportJsonItem, shareItem;
    @FXML private Menu productionMenu;
    @FXML private Menu editMenu, viewMenu;
    @FXML private ListView<Page> navigator;
    @FXML private StackPane content;
    @FXML private Label statusBar;
    /** Shown while the production's stored policy cannot be read (fail closed: nothing is cleared meanwhile). */
    @FXML private Label policyBanner;

    private final DialogService dialogs;
    private final UiTasks tasks;
    private final ViewFactory views;
    private final StudioRegister studio;
    private final BiFunction<Session, Navigator, ViewFactory> pagesFor;
    private final RecentFiles recent;
    private final ProductionActions actions;
    private final Map<Page, ViewFactory.Loaded<PageController>> pages = new EnumMap<>(Page.class);
    /** True while a production is open; with the task runner's busy state it decides which menu items work. */
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final BooleanProperty noRecentFiles = new SimpleBooleanProperty(true);
    private Session session;
    private ViewFactory pageViews;
    private VBox busyOverlay;
    private ViewFactory.Loaded<WelcomeController> welcome;
    /** False when the app starts on a file: its first look takes the page area, so the welcome is not built first. */
    private final boolean welcomeFirst;
    /** The production being opened: its first look shows while the rest is read (see {@link ProductionOpening}). */
    private ProductionOpening.FirstLook opening;
    private ViewFactory.Loaded<OpeningController> openingView;
    /** Runs on the worker before the whole production is read; a test holds it to look at the first screen. */
    private Runnable beforeFill = () -> { };

    /**
     * @param pagesFor the open production's view factory: its pages' controllers, made with the session and this
     *                 window as their navigator (see {@link Composition})
     */
    MainController(DialogService dialogs, UiTasks tasks, ViewFactory views, BiFunction<Session, Navigator, ViewFactory> pagesFor,
                   RecentFiles recent, boolean welcomeFirst) {
        this.welcomeFirst = welcomeFirst;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.views = views;
        this.pagesFor = pagesFor;
        this.recent = recent;
        this.actions = new ProductionActions(this, this, dialogs, tasks, views, this::status);
        this.studio = new StudioRegister(dialogs, tasks, views);
    }

    @FXML
    private void initialize() {
        var busy = tasks.busyProperty();
        // While work runs, nothing that changes or replaces the production can start (menus included, not just the page).
        for (MenuItem item : List.of(newItem, openItem, importScriptItem, importJsonItem, openSampleItem)) item.disableProperty().bind(busy);
        recentMenu.disableProperty().bind(busy.or(noRecentFiles));
        for (MenuItem item : List.of(saveCopyItem, closeItem, importShotsItem, exportCsvItem, exportPdfItem, exportEvidenceItem,
                exportJsonItem, shareItem, productionMenu, viewMenu)) {
            item.disableProperty().bind(open.not().or(busy));
        }
        navigator.disableProperty().bind(busy);
        busy.addListener((o, was, now) -> showBusy(now));
        navigator.getItems().setAll(Page.values());
        navigator.setCellFactory(list -> new NavigatorCell());
        navigator.getSelectionModel().selectedItemProperty().addListener((o, was, page) -> {
            if (page != null) showPage(page);
        });
        recentMenu.setOnShowing(e -> fillRecentMenu());
        fillRecentMenu();
        bindUndo(null);
        StartupTrace.mark("main window controller set up");
        if (welcomeFirst) showWelcome();
    }

    Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Session session() {
        return session;
    }

    /** The app's task runner (tests watch its busy state). */
    UiTasks tasks() {
        return tasks;
    }

    @Override
    public Optional<Session> current() {
        return Optional.ofNullable(session);
    }

    /** The window is closing: work still running is cancelled, then the production is closed. */
    void shutdown() {
        tasks.shutdown();
        closeProduction();
    }

    // -------------------------------------------------------------------------------------- file handling

    @FXML
    @Override
    public void newProduction() {
        // what the production is first, then where its file goes (named after the title)
        NewProductionDialog.ask(dialogs).ifPresent(plan -> dialogs.chooseSave(FileKind.NEW_PRODUCTION, Path.of(plan.fileName()))
                .ifPresent(file -> createProduction(withExtension(file), plan)));
    }

    /** Creates a production file named after the file and opens it on its details page. */
    void createProduction(Path file) {
        createProduction(file, new NewProductionDialog.Plan(file.getFileName().toString().replaceFirst("\\.clearframe$", ""),
                org.clearframe.model.Format.FEATURE, false));
    }

    /** Creates the production the producer described, empty or as a copy of the sample, and opens it. */
    void createProduction(Path file, NewProductionDialog.Plan plan) {
        if (session != null && session.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            dialogs.showError("Choose another name", file.getFileName() + " is the production open in this window.");
            return;
        }
        if (Files.exists(file)) {
            // The file chooser already asked to replace it, but a production open elsewhere must not vanish under
            // the window that holds it.
            try {
                ProductionStore.open(file).close();
            } catch (org.clearframe.store.ProjectFileException e) {
                if (e.problem() == org.clearframe.store.ProjectFileException.Problem.LOCKED) {
                    dialogs.showError("Could not replace " + file.getFileName(), e.getMessage());
                    return;
                }
            }
            if (!dialogs.attempt("Could not replace " + file.getFileName(), () -> Files.delete(file))) return;
        }
        tasks.run("Creating " + file.getFileName(), () -> {
            if (!plan.fromSample()) {
                Production empty = Production.titled(plan.title());
                return Session.create(file, new Production(empty.id(), plan.title(), plan.format(), empty.genre(), "", "", "", null, ""));
            }
            copySample(file);
            return Session.openRetitled(file, plan.title(), plan.format());
        }).failureTitle("Could not create " + file.getFileName()).onSuccess(opened -> {
            adopt(opened);
            navigator.getSelectionModel().select(Page.PRODUCTION);
        }).start();
    }

    @FXML
    @Override
    public void open() {
        dialogs.chooseOpen(FileKind.OPEN_PRODUCTION).ifPresent(this::openFile);
    }

    /** Opens a production off the FX thread; a refused file is explained and left untouched. */
    @Override
    public void openFile(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (session != null && session.file().toAbsolutePath().normalize().equals(target)) return;
        StartupTrace.mark("opening " + target.getFileName());
        tasks.run("Opening " + target.getFileName(), () -> ProductionOpening.firstLook(target))
                .failureTitle("Could not open " + target.getFileName()).onSuccess(this::showFirstLook).start();
    }

    /**
     * Shows the production's first look (its counts and first shots, which scroll and select) at once, then reads
     * the whole production in the background. The task keeps the app busy meanwhile, so no other file is opened and
     * nothing edits until the session exists; the first look carries its own progress bar instead of the busy cover.
     */
    private void showFirstLook(ProductionOpening.FirstLook look) {
        if (session != null) closeProduction();
        opening = look;
        openingView = views.load(View.OPENING, new OpeningController(look));
        content.getChildren().setAll(openingView.root());
        statusBar.setText("Reading " + look.file().getFileName() + "…");
        afterLayout(() -> {
            updateTitle(); // named once the first look is laid out: installer/measure-startup.py --until-title waits for it
            StartupTrace.mark("first look laid out");
        });
        String name = look.file().getFileName().toString();
        Runnable hold = beforeFill;
        tasks.run("Reading " + name, () -> {
            hold.run();
            return look.fill();
        }).failureTitle("Could not open " + name).onSuccess(opened -> {
            StartupTrace.mark("production read");
            java.util.Optional<UUID> picked = openingView.controller().selectedShot();
            opening = null;
            openingView = null;
            adopt(opened);
            if (picked.isPresent() && opened.shot(picked.get()).isPresent()) {
                // the producer picked a shot while waiting: it stays picked, on the page that edits it
                select(Page.SHOTS);
                revealShot(picked.get());
            } else {
                navigator.getSelectionModel().select(opened.scenes().isEmpty() ? Page.PRODUCTION : Page.DUE);
            }
            StartupTrace.mark("first page built");
            if (opened.shots().size() >= 20_000) handBackReadMemory();
        }).andFinally(() -> {
            if (session != null) return;
            look.abandon(); // the file could not be read whole: let it go, back to the welcome, nothing open
            opening = null;
            openingView = null;
            showWelcome();
            updateTitle();
        }).start();
    }

    /**
     * Reading a large production grows the heap far past what the open production keeps (about 700 MB resident for
     * 120 MB in use at 100,000 shots), and G1 gives memory back only after a collection. bin/clearframe runs the window
     * with -XX:+ExplicitGCInvokesConcurrent, so this asks for a concurrent cycle (no pause), off the FX thread.
     */
    private void handBackReadMemory() {
        tasks.background("Handing back memory", () -> {
            System.gc();
            return null;
        }).start();
    }

    /** Runs {@code action} once, after the next layout pass of the window (at once when there is no window yet). */
    private void afterLayout(Runnable action) {
        javafx.scene.Scene scene = root.getScene();
        if (scene == null) {
            action.run();
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** The first look of the production being opened, if one shows (tests). */
    java.util.Optional<OpeningController> firstLook() {
        return java.util.Optional.ofNullable(openingView).map(ViewFactory.Loaded::controller);
    }

    /** Every item of the menus, submenus included (tests look at which are off). */
    List<MenuItem> menuItems() {
        List<MenuItem> all = new java.util.ArrayList<>();
        java.util.ArrayDeque<MenuItem> left = new java.util.ArrayDeque<>(menuBar.getMenus());
        while (!left.isEmpty()) {
            MenuItem item = left.pop();
            all.add(item);
            if (item instanceof Menu menu) left.addAll(menu.getItems());
        }
        return all;
    }

    /** Runs on the worker thread before each whole read of a production being opened (a test holds it). */
    void beforeFill(Runnable hold) {
        this.beforeFill = hold;
    }

    @FXML
    @Override
    public void openSample() {
        Path copy = AppFolders.config().resolve("samples").resolve("Harbour Lights.clearframe");
        if (session != null && session.file().equals(copy)) closeProduction();
        boolean copied = dialogs.attempt("Could not copy the sample production", () -> copySample(copy));
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
        Optional<Path> target = dialogs.chooseSave(FileKind.PRODUCTION_COPY,
                Path.of(session.file().getFileName().toString().replaceFirst("\\.clearframe$", "") + " copy.clearframe"));
        if (target.isEmpty()) return;
        Path file = withExtension(target.get());
        try {
            // The dialog asked before replacing, but a production (this one, or any other) is never replaced.
            org.clearframe.OutputFile.checkTarget(file, true, session.file());
        } catch (org.clearframe.OutputFile.Refused e) {
            dialogs.showError("Choose another name", isOpenProduction(file)
                    ? "A copy cannot replace the production it is made from." : e.getMessage());
            return;
        }
        dialogs.attempt("Could not save a copy", () -> {
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
        pageViews = null;
        open.set(false);
        policyBanner.textProperty().unbind();
        policyBanner.visibleProperty().unbind();
        policyBanner.managedProperty().unbind();
        policyBanner.setVisible(false);
        policyBanner.setManaged(false);
        pages.clear();
        root.setLeft(null);
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
        shutdown();
        Platform.exit();
    }

    void status(String text) {
        statusBar.setText(text);
    }

    private void adopt(Session opened) {
        if (session != null) closeProduction();
        session = opened;
        pageViews = pagesFor.apply(opened, this);
        open.set(true);
        recent.add(opened.file());
        fillRecentMenu(); // a disabled menu never fires onShowing, so the first recent file must switch it on here
        pages.clear();
        root.setLeft(navigator);
        navigator.getSelectionModel().clearSelection();
        opened.productionProperty().addListener((o, a, b) -> updateTitle());
        opened.shots().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshCounts());
        opened.scenes().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshCounts());
        opened.departments().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshCounts());
        opened.cast().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshCounts());
        opened.flagsRevisionProperty().addListener((o, a, b) -> refreshCounts());
        opened.scheduleProperty().addListener((o, a, b) -> refreshCounts());
        opened.packages().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshCounts());
        policyBanner.textProperty().bind(opened.policyProblemProperty());
        policyBanner.visibleProperty().bind(opened.policyProblemProperty().isNotEmpty());
        policyBanner.managedProperty().bind(opened.policyProblemProperty().isNotEmpty());
        bindUndo(opened);
        updateTitle();
        refreshCounts();
    }

    // ------------------------------------------------------------------------------------------- pages

    private void showWelcome() {
        if (welcome == null) {
            welcome = views.load(View.WELCOME);
        }
        welcome.controller().refresh(recent.list());
        content.getChildren().setAll(welcome.root());
        bindUndo(null);
        statusBar.setText("No production open");
    }

    /** Undo and Redo name the step they take back, and stay off with nothing to undo or while work runs. */
    private void bindUndo(Session opened) {
        undoItem.disableProperty().unbind();
        redoItem.disableProperty().unbind();
        undoItem.textProperty().unbind();
        redoItem.textProperty().unbind();
        if (opened == null) {
            undoItem.setText("Undo");
            redoItem.setText("Redo");
            undoItem.setDisable(true);
            redoItem.setDisable(true);
            return;
        }
        undoItem.disableProperty().bind(opened.undoNameProperty().isEmpty().or(tasks.busyProperty()));
        redoItem.disableProperty().bind(opened.redoNameProperty().isEmpty().or(tasks.busyProperty()));
        undoItem.textProperty().bind(Bindings.when(opened.undoNameProperty().isEmpty()).then("Undo")
                .otherwise(Bindings.concat("Undo ", opened.undoNameProperty())));
        redoItem.textProperty().bind(Bindings.when(opened.redoNameProperty().isEmpty()).then("Redo")
                .otherwise(Bindings.concat("Redo ", opened.redoNameProperty())));
    }

    void select(Page page) {
        navigator.getSelectionModel().select(page);
    }

    @Override
    public void show(Page page) {
        select(page);
    }

    @Override
    public void revealShot(UUID shotId) {
        ShotsController shots = page(Page.SHOTS);
        shots.reveal(shotId);
    }

    @Override
    public void showShotsOf(org.clearframe.model.Scene scene) {
        ShotsController shots = page(Page.SHOTS);
        shots.showScene(scene);
    }

    private void showPage(Page page) {
        if (session == null) return;
        ViewFactory.Loaded<PageController> loaded = pages.computeIfAbsent(page, p -> pageViews.load(p.view));
        content.getChildren().setAll(loaded.root());
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
    @FXML void shareWithDepartment() {
        if (session == null) return;
        ShareController share = page(Page.SHARE);
        share.shareWithDepartment();
    }
    @FXML void reviewPackage() { actions.reviewPackage(); }
    @FXML void publishToRegister() { if (session != null) studio.publish(session.file()); }
    @FXML void showStudioRegister() { studio.showReport(); }
    @FXML void showPolicy() { select(Page.POLICY); }

    // ------------------------------------------------------------------------------------------ editing

    @FXML
    void undo() {
        if (session != null) dialogs.attempt("Could not undo", session::undo);
    }

    @FXML
    void redo() {
        if (session != null) dialogs.attempt("Could not redo", session::redo);
    }

    /** Help > Keyboard Shortcuts: every menu key, read from the menus, and the keys that work on a page. */
    @FXML
    void showShortcuts() {
        dialogs.show(HelpSheets.shortcutSheet(menuBar.getMenus()));
    }

    /** Help > User Guide: the guide bundled with the app, a producer's day from a new file to the signed PDF. */
    @FXML
    void showUserGuide() {
        dialogs.attempt("Could not open the user guide", () -> dialogs.show(HelpSheets.guideSheet()));
    }

    @FXML
    void about() {
        dialogs.showInfo(AppInfo.NAME + " " + AppInfo.version(), """
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
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** While work runs, a spinner with what it is doing covers the page (the menus are off as well). */
    private void showBusy(boolean busy) {
        if (busy && busyOverlay == null && opening == null) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setMaxSize(48, 48);
            Label what = new Label();
            what.textProperty().bind(Bindings.concat(tasks.busyMessageProperty(), "…"));
            busyOverlay = new VBox(12, spinner, what);
            busyOverlay.getStyleClass().add("busy-overlay");
            content.getChildren().add(busyOverlay);
        } else if (!busy && busyOverlay != null) {
            content.getChildren().remove(busyOverlay);
            busyOverlay = null;
        }
    }

    private void updateTitle() {
        if (!(window() instanceof Stage stage)) return;
        Path file = session != null ? session.file() : opening != null ? opening.file() : null;
        stage.setTitle(file == null ? AppInfo.NAME : file.getFileName() + " — " + AppInfo.NAME);
    }

    private void refreshCounts() {
        if (session == null) return;
        int ai = session.shotsWithAiUseProperty().get(); // kept by the session, not counted again per edit
        var flags = session.flagSummaryProperty().get();
        String signOffs = session.policyProblem().isEmpty() ? Wording.count(flags.openBlocking(), "blocking sign-off") + " open"
                : "studio policy unreadable: nothing is cleared";
        statusBar.setText(Wording.count(session.scenes().size(), "scene") + " · " + Wording.count(session.shots().size(), "shot") + " · " + ai
                + " with AI use · " + signOffs + notCounted(session) + " · saved to " + session.file().getFileName());
        countsChanged.set(countsChanged.get() + 1); // the cells show their counts again; refresh() would remake them
    }

    /** Sign-offs in the file without a valid proof are not shown as given; say that they exist and why. */
    private static String notCounted(Session session) {
        var ignored = session.ignoredSignOffs();
        if (ignored.isEmpty()) return "";
        // Waiting for the producer's word: recorded before proofs, or proven by a key this machine does not trust.
        long withdrawn = ignored.stream().filter(i -> i.why() == SignedRecord.Why.WITHDRAWN).count();
        long earlier = ignored.stream().filter(i -> i.why() == SignedRecord.Why.BEFORE_PROOFS || i.why() == SignedRecord.Why.UNTRUSTED_KEY).count();
        long unproven = ignored.size() - earlier - withdrawn;
        return (unproven == 0 ? "" : " · " + Wording.count(unproven, "sign-off") + " without a valid proof ignored")
                + (withdrawn == 0 ? "" : " · " + Wording.count(withdrawn, "sign-off") + " withdrawn (reply import undone)")
                + (earlier == 0 ? "" : " · " + Wording.count(earlier, "sign-off")
                + " not counted until attested (Production menu)");
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
        noRecentFiles.set(files.isEmpty());
    }

    private static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".clearframe") ? file : file.resolveSibling(name + ".clearframe");
    }

    /** Tells the navigator's cells to show their counts again (after an edit), without remaking the cells. */
    private final javafx.beans.property.IntegerProperty countsChanged = new javafx.beans.property.SimpleIntegerProperty();

    /** Shows a page name with a count, e.g. "Shots  148"; its nodes are made once and reused as counts change. */
    private final class NavigatorCell extends ListCell<Page> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final javafx.scene.layout.HBox row;

        NavigatorCell() {
            name.getStyleClass().add("nav-name");
            count.getStyleClass().add("nav-count");
            javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
            javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
            row = new javafx.scene.layout.HBox(6, name, gap, count);
            countsChanged.addListener(new javafx.beans.WeakInvalidationListener(redraw));
        }

        private final javafx.beans.InvalidationListener redraw = o -> show(getItem(), isEmpty());

        @Override protected void updateItem(Page page, boolean empty) {
            super.updateItem(page, empty);
            show(page, empty);
        }

        private void show(Page page, boolean empty) {
            if (empty || page == null || session == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            name.setText(page.title);
            count.setText(countOf(page));
            boolean alert = switch (page) {
                case SIGN_OFFS -> session.flagSummaryProperty().get().openBlocking() > 0;
                case CONSENT, DUE -> !count.getText().isEmpty();
                default -> false;
            };
            if (alert && !count.getStyleClass().contains("nav-alert")) count.getStyleClass().add("nav-alert");
            if (!alert) count.getStyleClass().remove("nav-alert");
            setText(null);
            if (getGraphic() != row) setGraphic(row);
        }

        private String countOf(Page page) {
            return switch (page) {
                case PRODUCTION -> "";
                case DUE -> {
                    int urgent = DueViewModel.urgentCount(session, Today.date());
                    yield urgent == 0 ? "" : Integer.toString(urgent);
                }
                case SCENES -> Integer.toString(session.scenes().size());
                case SHOTS -> Integer.toString(session.shots().size());
                case DEPARTMENTS -> Integer.toString(session.departments().size());
                case CAST -> Integer.toString(session.cast().size());
                case SIGN_OFFS -> {
                    var s = session.flagSummaryProperty().get();
                    int open = s.openBlocking() + s.openAdvisory();
                    yield open == 0 ? "" : Integer.toString(open);
                }
                case SHARE -> {
                    int waiting = ShareViewModel.awaiting(session);
                    yield waiting == 0 ? "" : Integer.toString(waiting);
                }
                case POLICY -> Integer.toString(session.policy().rules().size());
                case CONSENT -> {
                    int gaps = session.consentGaps(); // kept by the session per shot, not worked out over every shot per edit
                    yield gaps == 0 ? "" : Integer.toString(gaps);
                }
            };
        }
    }
}
