package io.icesync.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * IceSync's public API speaks IceSync and standard Java: no public or protected member of a public
 * type outside the {@code .internal} packages names another library's type (ical4j, ez-vcard, Jackson,
 * dnsjava, HttpClient...) or an {@code .internal} type, generics included. Standard APIs are allowed:
 * the JDK ({@code java.*}, {@code javax.*}, {@code org.w3c.dom}, {@code com.sun.net.httpserver}),
 * Jakarta Mail for MIME messages, JUnit in the testkit, which is a JUnit extension, and HttpClient 5 in
 * {@code io.icesync.net.HttpClientFactory}, whose point is to take the user's own client.
 */
class PublicApiTypesTest {
    static final List<String> STANDARD = List.of("java.", "javax.", "org.w3c.dom.", "org.xml.sax.", "com.sun.net.httpserver.",
            "jakarta.mail.");

    static boolean allowed(JavaClass owner, JavaClass type) {
        String n = type.getName();
        if (type.isPrimitive() || type.isArray() && allowed(owner, type.getBaseComponentType())) {
            return true;
        }
        if (n.startsWith("io.icesync.")) {
            return !type.getPackageName().contains(".internal");
        }
        if (owner.getPackageName().startsWith("io.icesync.testkit") && n.startsWith("org.junit.")) {
            return true;
        }
        if (owner.getName().startsWith("io.icesync.net.HttpClientFactory") && n.startsWith("org.apache.hc.")) {
            return true;
        }
        return STANDARD.stream().anyMatch(n::startsWith);
    }

    static boolean api(JavaClass c) {
        return c.getModifiers().contains(JavaModifier.PUBLIC) && !c.getPackageName().contains(".internal")
                && !c.getPackageName().startsWith("io.icesync.examples");
    }

    static boolean visible(Set<JavaModifier> m) {
        return m.contains(JavaModifier.PUBLIC) || m.contains(JavaModifier.PROTECTED);
    }

    @Test
    void publicSignaturesNameNoOtherLibrarysTypesAndNoInternalOnes() {
        com.tngtech.archunit.ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("io.icesync");
        Set<String> violations = new TreeSet<>();
        for (JavaClass c : main) {
            if (!api(c)) {
                continue;
            }
            for (JavaCodeUnit m : c.getCodeUnits()) {
                if (!visible(m.getModifiers()) || m.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    continue;
                }
                List<JavaType> types = new ArrayList<>(m.getParameterTypes());
                types.add(m.getReturnType());
                for (JavaType t : types) {
                    for (JavaClass r : t.getAllInvolvedRawTypes()) {
                        if (!allowed(c, r)) {
                            violations.add(c.getName() + "." + m.getName() + " names " + r.getName());
                        }
                    }
                }
            }
            for (JavaField f : c.getFields()) {
                if (visible(f.getModifiers())) {
                    for (JavaClass r : f.getType().getAllInvolvedRawTypes()) {
                        if (!allowed(c, r)) {
                            violations.add(c.getName() + "." + f.getName() + " names " + r.getName());
                        }
                    }
                }
            }
        }
        assertThat(violations).as("public members naming another library's or an internal type").isEmpty();
    }
}
