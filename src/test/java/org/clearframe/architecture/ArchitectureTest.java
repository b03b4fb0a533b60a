package org.clearframe.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.clearframe.store.ProductionStore;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
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
            .layer("Services").definedBy("org.clearframe.pdf..", "org.clearframe.exchange..", "org.clearframe.importer..", "org.clearframe.evidence..")
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
                    "org.clearframe.pdf..", "org.clearframe.exchange..", "org.clearframe.importer..", "org.clearframe.evidence..", "org.clearframe.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule onlyTheStoreSpeaksSql = noClasses()
            .that().resideOutsideOfPackage("org.clearframe.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..");

    @ArchTest
    static final ArchRule theModelStandsAlone = noClasses()
            .that().resideInAPackage("org.clearframe.model..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "org.clearframe.rules..", "org.clearframe.store..");

    /**
     * While a production is open the window's Session is its only writer: one transaction and one undo step per change,
     * and lists that always show what the file holds. Other UI classes may only probe a file's lock; services that take
     * the store (imports, reply evidence, attestations) are called by the Session too. The CLI uses the store directly.
     */
    @ArchTest
    static final ArchRule inTheUiOnlyTheSessionUsesTheStore = noClasses()
            .that().resideInAPackage("org.clearframe.ui..").and().doNotHaveFullyQualifiedName("org.clearframe.ui.Session")
            .should().callMethodWhere(new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall>(
                    "a method of ProductionStore other than opening it to probe its lock, or a service method given the store") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                    var target = call.getTarget();
                    if (target.getOwner().isEquivalentTo(ProductionStore.class)) {
                        return !java.util.Set.of("open", "close", "file", "isReadOnly").contains(target.getName());
                    }
                    return target.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(ProductionStore.class));
                }
            })
            .because("Session.apply writes each change in one transaction with one undo step; a second writer loses edits or undo");

    /** A sign-off counts only when its proof holds; the one loader that checks proofs is the only way to read a production. */
    @ArchTest
    static final ArchRule onlyTheSignedRecordReadsAWholeProduction = noClasses()
            .that().doNotHaveFullyQualifiedName("org.clearframe.exchange.SignedRecord")
            .should().accessTargetWhere(target(owner(type(ProductionStore.class))).and(target(name("load"))))
            .because("sign-offs must be read through exchange.SignedRecord, which leaves out every one without a valid proof");

    @ArchTest
    static final ArchRule onlyTheCommandLineWritesToTheConsole = noClasses()
            .that().resideOutsideOfPackage("org.clearframe.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("everything else logs through System.Logger");
}
