package org.clearframe.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.clearframe.store.ProductionStore;
import org.clearframe.ui.Composition;
import org.clearframe.ui.UiTasks;
import org.clearframe.ui.ViewFactory;

import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The layering the design asks for, checked on every build so it cannot erode:
 * model <- rules <- store <- services (pdf, exchange, importer) <- ui, cli.
 */
@AnalyzeClasses(packages = "org.clearframe", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Model").definedBy("org.clearframe.model..")
            .layer("Rules").definedBy("org.clearframe.rules..")
            .layer("Store").definedBy("org.clearframe.store..")
            .layer("Services").definedBy("org.clearframe.pdf..", "org.clearframe.exchange..", "org.clearframe.importer..", "org.clearframe.evidence..",
                    "org.clearframe.register..")
            .layer("UI").definedBy("org.clearframe.ui..")
            .layer("CLI").definedBy("org.clearframe.cli..")
            .whereLayer("CLI").mayNotBeAccessedByAnyLayer()
            .whereLayer("UI").mayNotBeAccessedByAnyLayer()
            .whereLayer("Services").mayOnlyBeAccessedByLayers("UI", "CLI")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Services", "UI", "CLI")
            .whereLayer("Rules").mayOnlyBeAccessedByLayers("Store", "Services", "UI", "CLI");

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideInAnyPackage("org.clearframe.model..", "org.clearframe.rules..", "org.clearframe.store..",
                    "org.clearframe.pdf..", "org.clearframe.exchange..", "org.clearframe.importer..", "org.clearframe.evidence..", "org.clearframe.register..", "org.clearframe.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule onlyTheStoreSpeaksSql = noClasses()
            .that().resideOutsideOfPackage("org.clearframe.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..");

    @ArchTest
    static final ArchRule theModelStandsAlone = noClasses()
            .that().resideInAPackage("org.clearframe.model..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "org.clearframe.rules..", "org.clearframe.store..");

    /**
     * The session's own classes, in {@code org.clearframe.ui} itself (not its sub-packages): {@code Session}, the
     * classes named {@code Session*} it shares between its editors ({@code SessionState}, {@code SessionFlags}), and
     * the per-kind editors, named {@code *Editor}.
     */
    private static final DescribedPredicate<JavaClass> theSessionAndItsEditors = DescribedPredicate.describe(
            "org.clearframe.ui.Session* or org.clearframe.ui.*Editor",
            c -> c.getPackageName().equals("org.clearframe.ui")
                    && (c.getSimpleName().startsWith("Session") || c.getSimpleName().endsWith("Editor")));

    /**
     * While a production is open the window's Session is its only writer: one transaction and one undo step per change,
     * and lists that always show what the file holds. Its per-kind editors write for it, sharing its transaction, undo
     * stack and lists; other UI classes may only probe a file's lock, read the counts and first shots of a file being
     * opened, and hand an opened store to a Session; services that take the store (imports, reply evidence,
     * attestations) are called by the Session's editors too. The CLI uses the store directly.
     */
    @ArchTest
    static final ArchRule inTheUiOnlyTheSessionUsesTheStore = noClasses()
            .that().resideInAPackage("org.clearframe.ui..").and(DescribedPredicate.not(theSessionAndItsEditors))
            .should().callMethodWhere(new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall>(
                    "a method of ProductionStore other than opening it to probe its lock, or a service method given the store") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                    var target = call.getTarget();
                    if (target.getOwner().getFullName().equals("org.clearframe.ui.Session")) return false; // handing it the store
                    if (target.getOwner().isEquivalentTo(ProductionStore.class)) {
                        // counts and shot lines are reads for an opening file's first look, before the session exists
                        return !java.util.Set.of("open", "close", "file", "isReadOnly", "counts", "shotLines").contains(target.getName());
                    }
                    return target.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(ProductionStore.class));
                }
            })
            .because("Session.apply writes each change in one transaction with one undo step; a second writer loses edits or undo");

    /** The editors and their shared state are the Session's insides: package-private, and reached only through Session. */
    @ArchTest
    static final ArchRule theEditorsAreReachedOnlyThroughTheSession = noClasses()
            .that(DescribedPredicate.not(theSessionAndItsEditors))
            .should().dependOnClassesThat(DescribedPredicate.and(theSessionAndItsEditors,
                    DescribedPredicate.describe("not Session itself", c -> !c.getSimpleName().equals("Session"))))
            .because("Session is the one entry point for every write while a production is open");

    @ArchTest
    static final ArchRule theEditorsArePackagePrivate = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that(DescribedPredicate.and(theSessionAndItsEditors,
                    DescribedPredicate.describe("not Session itself", c -> !c.getSimpleName().equals("Session"))))
            .should().notBePublic()
            .because("nothing outside org.clearframe.ui may hold an editor and write around the Session");

    /** A sign-off counts only when its proof holds; the one loader that checks proofs is the only way to read a production. */
    @ArchTest
    static final ArchRule onlyTheSignedRecordReadsAWholeProduction = noClasses()
            .that().doNotHaveFullyQualifiedName("org.clearframe.exchange.SignedRecord")
            .should().accessTargetWhere(target(owner(type(ProductionStore.class))).and(target(name("load"))))
            .because("sign-offs must be read through exchange.SignedRecord, which leaves out every one without a valid proof");

    /** A page of scenes carries sign-off rows not yet proven: only the reader that proves each page may read one. */
    @ArchTest
    static final ArchRule onlySignedScenesReadsAPageOfScenes = noClasses()
            .that().doNotHaveFullyQualifiedName("org.clearframe.exchange.SignedScenes")
            .should().accessTargetWhere(target(owner(type(ProductionStore.class))).and(target(name("scenePage"))))
            .because("a streaming reader gets sign-offs through exchange.SignedScenes, which proves them as SignedRecord does");

    /** The policy in force is chosen in one place, so no output can judge a production under another policy than the rest. */
    @ArchTest
    static final ArchRule thePolicyInForceIsChosenOnlyInRules = noClasses()
            .that().resideOutsideOfPackage("org.clearframe.rules..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.clearframe.rules.Policies")
            .because("check, the PDF, sharing and reply import read rules.Assessment, which chooses the policy and fails closed");

    @ArchTest
    static final ArchRule onlyTheCommandLineWritesToTheConsole = noClasses()
            .that().resideOutsideOfPackage("org.clearframe.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("everything else logs through System.Logger");

    // ------------------------------------------------------------------------------------------ desktop

    private static final String MAIN_CONTROLLER = "org.clearframe.ui.MainController";

    /** The main window and its nested classes, the composition root that makes it and the app that starts it. */
    private static final DescribedPredicate<JavaClass> theWindowAndWhatMakesIt = DescribedPredicate.describe(
            "the main window, its composition root or the application",
            c -> c.getName().equals(MAIN_CONTROLLER) || c.getName().startsWith(MAIN_CONTROLLER + "$")
                    || c.getName().equals(Composition.class.getName()) || c.getName().startsWith("org.clearframe.ui.ClearframeApp"));

    /** Pages reach each other through Navigator; nothing but the window's makers knows the window. */
    @ArchTest
    static final ArchRule controllersDoNotKnowTheMainWindow = noClasses()
            .that().resideInAPackage("org.clearframe.ui..").and(DescribedPredicate.not(theWindowAndWhatMakesIt))
            .should().dependOnClassesThat().haveFullyQualifiedName(MAIN_CONTROLLER)
            .because("pages and actions reach the window through Navigator and ProductionFiles, so they can be built and tested alone");

    /** One executor for the app: work started elsewhere would not be cancelled on close, nor keep the menus off. */
    @ArchTest
    static final ArchRule onlyTheTaskRunnerMakesThreads = noClasses()
            .that().doNotHaveFullyQualifiedName(UiTasks.class.getName())
            // its start-up warm-up runs while JavaFX starts, before the window and its task runner exist
            .and().doNotHaveFullyQualifiedName("org.clearframe.ui.ClearframeApp")
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().callConstructorWhere(target(owner(assignableTo(AbstractExecutorService.class))))
            .orShould().callMethodWhere(target(owner(type(Executors.class))))
            .orShould().callMethodWhere(target(owner(type(ForkJoinPool.class))).and(target(name("commonPool"))))
            .orShould().callMethodWhere(target(owner(type(Thread.class))).and(target(name("ofVirtual"))
                    .or(target(name("ofPlatform"))).or(target(name("startVirtualThread")))))
            .orShould().callMethodWhere(target(owner(type(CompletableFuture.class))).and(target(name("supplyAsync"))
                    .or(target(name("runAsync")))))
            .because("slow work runs through ui.UiTasks: one executor, callbacks on the FX thread, cancelled when the window closes");

    /** One way to build a view: FXML is loaded only by the view factory, with its controller factory. */
    @ArchTest
    static final ArchRule onlyTheViewFactoryLoadsFxml = noClasses()
            .that().doNotHaveFullyQualifiedName(ViewFactory.class.getName())
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.fxml.FXMLLoader")
            .because("controllers get their dependencies through the constructor from the composition root's controller factory");

    /** Every message box, file chooser and window is built by the dialog service: styled, owned and answerable in tests. */
    @ArchTest
    static final ArchRule onlyTheDialogServiceBuildsAlertsAndChoosers = noClasses()
            .that().doNotHaveFullyQualifiedName("org.clearframe.ui.FxDialogService")
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Alert")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.ChoiceDialog")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.FileChooser")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.DirectoryChooser")
            .orShould().callConstructorWhere(target(owner(assignableTo(javafx.stage.Stage.class))))
            .because("ui.DialogService is the one way to ask the producer something or open a window");
}
