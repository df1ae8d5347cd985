package org.allocdiscipline.processor.testing;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Stand-ins for the annotations of JUnit 5, JUnit 4, TestNG and jqwik, with their real qualified
 * names, so that test sources can use them without the frameworks on the compilation's class path
 * (the checker recognises them by name). The names are written out here, not taken from the checker's
 * API model, so that a misspelt name in the model fails the tests.
 */
public final class TestFrameworkStubs {
    private static final List<String> NAMES = List.of(
            "org.junit.jupiter.api.Test", "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.TestTemplate", "org.junit.jupiter.params.ParameterizedTest",
            "org.junit.jupiter.api.BeforeEach", "org.junit.jupiter.api.AfterEach",
            "org.junit.jupiter.api.BeforeAll", "org.junit.jupiter.api.AfterAll", "org.junit.jupiter.api.Nested",
            "org.junit.Test", "org.junit.Before", "org.junit.After", "org.junit.BeforeClass", "org.junit.AfterClass",
            "org.testng.annotations.Test", "org.testng.annotations.BeforeMethod",
            "org.testng.annotations.AfterMethod", "org.testng.annotations.BeforeClass",
            "org.testng.annotations.AfterClass", "org.testng.annotations.BeforeSuite",
            "org.testng.annotations.AfterSuite", "org.testng.annotations.BeforeTest",
            "org.testng.annotations.AfterTest", "net.jqwik.api.Property", "net.jqwik.api.Example");

    /**
     * The assertions that expect code to throw, in the shapes JUnit 5 and AssertJ give them (only the
     * members the corpus calls), as sources under {@code stubs/} among the test resources, which
     * {@code benchmarks/corpus-output.sh} compiles too: the checker recognises them by package and
     * method name.
     */
    private static final List<String> ASSERTIONS = List.of("org.junit.jupiter.api.function.Executable",
            "org.junit.jupiter.api.Assertions", "org.assertj.core.api.ThrowableAssert",
            "org.assertj.core.api.ThrowableTypeAssert", "org.assertj.core.api.Assertions");

    private TestFrameworkStubs() {
    }

    /**
     * One source per annotation: a runtime-retained annotation for methods and classes, without members.
     *
     * @return the stub sources
     */
    public static List<JavaFileObject> sources() {
        List<JavaFileObject> all = new ArrayList<>(NAMES.stream().map(TestFrameworkStubs::stub).toList());
        for (String name : ASSERTIONS) {
            all.add(JavaFileObjects.forResource("stubs/" + name.replace('.', '/') + ".java"));
        }
        return all;
    }

    private static JavaFileObject stub(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        String pkg = qualifiedName.substring(0, dot);
        String simple = qualifiedName.substring(dot + 1);
        return JavaFileObjects.forSourceString(qualifiedName, "package " + pkg + ";\n"
                + "import java.lang.annotation.*;\n"
                + "@Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})\n"
                + "public @interface " + simple + " {}\n");
    }
}
