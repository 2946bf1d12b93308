package dev.skiff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Enforces the package boundaries of DESIGN.md §3 on the production classes. */
@AnalyzeClasses(packages = "dev.skiff", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule SSH_STACK_IS_UI_AND_JSON_FREE = noClasses()
            .that().resideInAPackage("dev.skiff.ssh..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "com.fasterxml.jackson..", "dev.skiff.app..", "dev.skiff.cli..")
            .because("the SSH stack is a library: no UI, no JSON, no knowledge of its front ends (DESIGN.md §3)");

    @ArchTest
    static final ArchRule APP_USES_ONLY_THE_SSH_FACADE_LAYERS = noClasses()
            .that().resideInAPackage("dev.skiff.app..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.skiff.ssh.transport..", "dev.skiff.ssh.wire..")
            .because("the app talks to the facade and higher layers, never to packets or the transport (DESIGN.md §3)");
}
