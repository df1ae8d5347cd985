package org.allocdiscipline.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.testing.Checker;
import org.allocdiscipline.processor.testing.Expectations;
import org.junit.jupiter.api.Test;

/**
 * Whatever javac compiles, the checker walks: generated code nested as deep as javac itself survives
 * (javac overflows its own stack at about 1,800 to 2,000 terms of one string concatenation) gives no
 * internal-error note, and a leak at the bottom of it is still reported.
 */
class DeepCodeTest {
    private static final int CONCATENATED_TERMS = 1_700;
    private static final int NESTED_IFS = 300;
    private static final int NESTED_LAMBDAS = 50;
    private static final String LEAK = "MemorySegment leaked = allocator.alloc(8); // expect: [owned-not-freed]\n";

    @Test
    void longStringConcatenationIsAnalysed() {
        StringBuilder terms = new StringBuilder("\"\"");
        for (int i = 1; i < CONCATENATED_TERMS; i++) {
            terms.append(i % 2 == 0 ? " + \"t\"" : " + x");
        }
        assertAnalysedWithOneLeak("Concatenation", """
                String text(Allocator allocator, int x) throws AllocationException {
                    String text = %s;
                    %s        return text;
                }
                """.formatted(terms, LEAK));
    }

    @Test
    void deeplyNestedIfsAreAnalysed() {
        assertAnalysedWithOneLeak("NestedIfs", """
                void nested(Allocator allocator, int x) throws AllocationException {
                %s}
                """.formatted(nestedAroundLeak(NESTED_IFS, "if (x > %d) {\n", "}\n")));
    }

    @Test
    void deeplyNestedLambdasAreAnalysed() {
        String body = nestedAroundLeak(NESTED_LAMBDAS, "Action a%d = () -> {\n", "};\n");
        assertAnalysedWithOneLeak("NestedLambdas", """
                interface Action {
                    void run() throws AllocationException;
                }

                void nested(Allocator allocator) {
                %s}
                """.formatted(body));
    }

    /** The leak inside {@code depth} levels, each opened with {@code opening} (formatted with the level). */
    private static String nestedAroundLeak(int depth, String opening, String closing) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            code.append(opening.formatted(i));
        }
        return code.append(LEAK).append(closing.repeat(depth)).toString();
    }

    /** Compiles one generated class with the processor: no internal error, exactly the one leak it marks. */
    private static void assertAnalysedWithOneLeak(String name, String members) {
        JavaFileObject source = JavaFileObjects.forSourceString("deep." + name, """
                package deep;

                import java.lang.foreign.MemorySegment;
                import org.allocdiscipline.*;

                class %s {
                %s}
                """.formatted(name, members));
        Compilation compilation = Checker.compile(List.of(source));

        assertThat(compilation.status()).as(Checker.dump(compilation)).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(Checker.notes(compilation)).as("notes").noneMatch(n -> n.contains("internal error"));
        Expectations.assertMatches(compilation, List.of(source));
        assertThat(Checker.findings(compilation)).hasSize(1);
    }
}
