package org.jppp.tests.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering rule of STYLE.md habit 1: {@code protocol <- io <- actors <- supervisor}, and
 * {@code protocol} touches neither Pekko actors nor JNA. Parameterized by the package root so a
 * fixture with deliberate violations proves the rules bite.
 */
final class LayerRules {
    private LayerRules() {}

    static List<ArchRule> rules(String root) {
        String protocol = root + ".protocol..";
        String io = root + ".io..";
        String actors = root + ".actors..";
        String supervisor = root + ".supervisor..";
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("protocol").definedBy(protocol)
                .layer("io").definedBy(io)
                .layer("actors").definedBy(actors)
                .layer("supervisor").definedBy(supervisor)
                .whereLayer("supervisor").mayNotBeAccessedByAnyLayer()
                .whereLayer("actors").mayOnlyBeAccessedByLayers("supervisor")
                .whereLayer("io").mayOnlyBeAccessedByLayers("actors", "supervisor")
                .whereLayer("protocol").mayOnlyBeAccessedByLayers("io", "actors", "supervisor");
        ArchRule protocolPure = noClasses().that().resideInAPackage(protocol)
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.pekko.actor..", "com.sun.jna..")
                .because("protocol holds wire formats, the automaton and framing stages only")
                .allowEmptyShould(true);
        return List.of(layers, protocolPure);
    }
}
