package org.clearframe.ui;


import java.util.Map;
import java.util.function.Supplier;

/**
 * The composition root: the one place that makes the desktop app's parts and hands each its dependencies. The app
 * has one {@link DialogService}, one {@link UiTasks} and one {@link ViewFactory}; each open production gets its
 * own page controllers, made with its {@link Session} and the main window as their {@link Navigator}.
 */
public final class Composition {

    private final DialogService dialogs;
    private final UiTasks tasks;
    private final RecentFiles recent;
    private final ViewFactory views;
    private MainController main;

    private final MailApp mail;

    public Composition(DialogService dialogs, RecentFiles recent) {
        this(dialogs, recent, new DesktopMailApp());
    }

    /** @param mail the mail app "Open in Mail App" opens (a test's stand-in, so no real one opens) */
    public Composition(DialogService dialogs, RecentFiles recent, MailApp mail) {
        this.mail = mail;
        this.dialogs = dialogs;
        this.tasks = new UiTasks(dialogs);
        this.recent = recent;
        this.views = new ViewFactory(Map.of(
                MainController.class, this::newMainController,
                WelcomeController.class, () -> new WelcomeController(main)));
    }

    private boolean welcomeFirst = true;

    private MainController newMainController() {
        main = new MainController(dialogs, tasks, views, this::pagesFor, recent, welcomeFirst);
        return main;
    }

    /** The main window's view and its controller, on the welcome page. */
    public ViewFactory.Loaded<MainController> mainWindow() {
        return views.load(View.MAIN_WINDOW);
    }

    /**
     * The main window for opening a file at once (a double-clicked production): the welcome page is not built, since
     * the file's first look replaces it a moment later; the page area stays empty until then.
     */
    public ViewFactory.Loaded<MainController> mainWindowOpeningAFile() {
        welcomeFirst = false;
        try {
            return views.load(View.MAIN_WINDOW);
        } finally {
            welcomeFirst = true;
        }
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public UiTasks tasks() {
        return tasks;
    }

    public ViewFactory views() {
        return views;
    }

    /** The views of one open production: each page's controller with the session and what it needs besides. */
    private ViewFactory pagesFor(Session session, Navigator navigator) {
        Map<Class<?>, Supplier<?>> pages = new java.util.HashMap<>();
        pages.put(ProductionController.class, () -> new ProductionController(session, dialogs, tasks));
        pages.put(ScenesController.class, () -> new ScenesController(new ScenesViewModel(session, dialogs), session, dialogs, views, navigator));
        pages.put(ShotsController.class, () -> new ShotsController(new ShotsViewModel(session, dialogs), session, dialogs, views));
        pages.put(ShotDetailController.class, () -> new ShotDetailController(new ShotDetailViewModel(session, dialogs), session, dialogs, tasks, views));
        pages.put(DepartmentsController.class, () -> new DepartmentsController(session, dialogs, navigator));
        pages.put(CastController.class, () -> new CastController(session, dialogs));
        pages.put(SignOffsController.class, () -> new SignOffsController(new SignOffsViewModel(session), navigator));
        pages.put(ConsentController.class, () -> new ConsentController(session, dialogs));
        pages.put(PolicyController.class, () -> new PolicyController(session, dialogs));
        pages.put(DueController.class, () -> new DueController(new DueViewModel(session, Today::date), navigator));
        pages.put(ShareController.class, () -> new ShareController(new ShareViewModel(session), session, dialogs, tasks, views, mail));
        return views.with(pages);
    }
}
