package org.jppp.tests.arch;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void mainCode_respectsLayersAndProtocolPurity() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.jppp");
        LayerRules.rules("org.jppp").forEach(rule -> rule.check(main));
    }

    @Test
    void fixture_protocolImportingPekkoActor_isCaught() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.jppp.fixture");
        assertThrows(AssertionError.class, () -> LayerRules.rules("org.jppp.fixture").get(1).check(fixture));
    }

    @Test
    void fixture_lowerLayerImportingHigher_isCaught() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.jppp.fixture");
        assertThrows(AssertionError.class, () -> LayerRules.rules("org.jppp.fixture").get(0).check(fixture));
    }
}
