package org.allocdiscipline.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.allocdiscipline.processor.rules.api.CodeBody;
import org.allocdiscipline.processor.rules.engine.BodyCollector;
import org.allocdiscipline.processor.testing.Checker;
import org.junit.jupiter.api.Test;

/**
 * What the body collector says of each body's nested code ({@code BodyParts.holdsNestedCode}), which the
 * wrong-thread rule reads to skip bodies where no code can run on another thread.
 */
class BodyPartsNestedCodeTest {
    private static final JavaFileObject SOURCE = JavaFileObjects.forSourceLines("nested.Lib",
            "package nested;",
            "import java.util.concurrent.Executor;",
            "class Lib {",
            "    Runnable field = () -> { };",
            "    int plainField = 1;",
            "    void plain(int x) { int y = x + 1; }",
            "    void lambda(Executor e) { e.execute(() -> { }); }",
            "    void reference(Executor e) { e.execute(this::plain0); }",
            "    void plain0() { }",
            "    void anonymous(Executor e) { e.execute(new Runnable() { public void run() { } }); }",
            "    void local() { class Local { void m() { } } new Local().m(); }",
            "}");

    @Test
    void bodiesWithLambdasReferencesOrClassesHoldNestedCodeAndOthersDoNot() throws IOException {
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, null,
                List.of("-proc:none", Checker.PLUGIN_OFF, "--release", "25"), null, List.of(SOURCE));
        CompilationUnitTree unit = task.parse().iterator().next();
        task.analyze();
        TreePath classPath = new TreePath(new TreePath(unit), (ClassTree) unit.getTypeDecls().get(0));
        List<CodeBody> bodies = new BodyCollector(Trees.instance(task), task.getTypes(), task.getElements())
                .collect(classPath);

        Map<String, Boolean> nested = new LinkedHashMap<>();
        for (CodeBody body : bodies) {
            nested.put(body.kind() + " " + body.signature(), body.parts().holdsNestedCode());
        }
        assertThat(nested).containsExactly(
                Map.entry("FIELD_INITIALIZER nested.Lib.field", true),
                Map.entry("LAMBDA nested.Lib.field", false),
                Map.entry("FIELD_INITIALIZER nested.Lib.plainField", false),
                Map.entry("METHOD nested.Lib.plain(int)", false),
                Map.entry("METHOD nested.Lib.lambda(java.util.concurrent.Executor)", true),
                Map.entry("LAMBDA nested.Lib.lambda(java.util.concurrent.Executor)", false),
                Map.entry("METHOD nested.Lib.reference(java.util.concurrent.Executor)", true),
                Map.entry("METHOD nested.Lib.plain0()", false),
                Map.entry("METHOD nested.Lib.anonymous(java.util.concurrent.Executor)", true),
                Map.entry("METHOD nested.Lib.anonymous(java.util.concurrent.Executor).new Runnable(){}.run()", false),
                Map.entry("METHOD nested.Lib.local()", true),
                Map.entry("METHOD nested.Lib.local().Local.m()", false));
    }
}
