package org.allocdiscipline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.allocdiscipline.support.WithoutJUnitScenario;
import org.junit.jupiter.api.Test;

/**
 * JUnit is an optional dependency of the runtime: everything but {@link AllocatorExtension} must
 * load and work in a class loader that sees the runtime's classes and the JDK, and no JUnit.
 */
class JUnitIsOptionalTest {

    @Test
    void everyClassButTheExtensionLoadsAndWorksWithoutJUnit() throws Exception {
        Path mainClasses = location(TestingAllocator.class);
        Path testClasses = location(WithoutJUnitScenario.class);
        try (URLClassLoader withoutJUnit = new URLClassLoader(
                new URL[] {mainClasses.toUri().toURL(), testClasses.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> withoutJUnit.loadClass("org.junit.jupiter.api.Test"))
                    .isInstanceOf(ClassNotFoundException.class);

            List<String> runtimeClasses = classNames(mainClasses);
            assertThat(runtimeClasses).contains("org.allocdiscipline.GeneralPurposeAllocator",
                    "org.allocdiscipline.testing.TestingAllocator", "org.allocdiscipline.testing.AllocationFailures");
            for (String name : runtimeClasses) {
                if (!name.startsWith(AllocatorExtension.class.getName())) {
                    // Not initialized: some classes are for another operating system. Resolving
                    // every member's signature is what would fail on a missing JUnit type.
                    Class<?> loaded = Class.forName(name, false, withoutJUnit);
                    assertThat(loaded.getClassLoader()).isSameAs(withoutJUnit);
                    loaded.getDeclaredMethods();
                    loaded.getDeclaredFields();
                    loaded.getDeclaredConstructors();
                }
            }

            @SuppressWarnings("unchecked")
            Callable<String> scenario = (Callable<String>) Class
                    .forName(WithoutJUnitScenario.class.getName(), true, withoutJUnit)
                    .getConstructor().newInstance();
            assertThat(scenario.call()).isEqualTo("leaks=1,failed=true,checkAll=true");

            // The control: the extension really does need the JUnit that this loader hides.
            assertThatThrownBy(() -> Class.forName(AllocatorExtension.class.getName(), false, withoutJUnit))
                    .isInstanceOf(NoClassDefFoundError.class)
                    .hasMessageContaining("org/junit/jupiter/api/extension");
        }
    }

    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.equals("module-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        }
    }
}
