package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.allocdiscipline.processor.ownership.OwnershipAnalysis;
import org.allocdiscipline.processor.testing.Checker;
import org.allocdiscipline.processor.testing.CollectedBodies;
import org.junit.jupiter.api.Test;

/**
 * Builds the graph of every body in this project's own sources (which use records, sealed
 * types, patterns, switch expressions, lambdas and generics) and runs the ownership analysis
 * on each: nothing may throw, and every call must have a node.
 */
class RealSourcesTest {

    @Test
    void everyBodyOfTheProjectSourcesBuildsAndAnalyses() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java", "../runtime/src/main/java")) {
            Path dir = Path.of(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java"))
                            .forEach(sources::add);
                }
            }
        }
        sources.sort(null);
        assertThat(sources).hasSizeGreaterThan(20);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics,
                    List.of("-proc:none", Checker.PLUGIN_OFF, "--release", "25", "-classpath", System.getProperty("java.class.path")),
                    null, files.getJavaFileObjectsFromPaths(sources));
            List<CompilationUnitTree> units = new ArrayList<>();
            task.parse().forEach(units::add);
            task.analyze();
            assertThat(diagnostics.getDiagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR).isEmpty();
            Trees trees = Trees.instance(task);
            int bodies = 0;
            for (CfgOptions options : List.of(CfgOptions.DEFAULT, new CfgOptions(true, 0))) {
                CfgBuilder builder = new CfgBuilder(trees, task.getTypes(), task.getElements(), options);
                OwnershipAnalysis ownership = new OwnershipAnalysis(trees, task.getTypes(), task.getElements(), options);
                for (CompilationUnitTree unit : units) {
                    for (TreePath body : CollectedBodies.of(task, unit)) {
                        Cfg cfg = builder.build(body);
                        for (Tree call : calls(body)) {
                            assertThat(cfg.nodesFor(call)).as("%s in %s", call, unit.getSourceFile().getName()).isNotEmpty();
                        }
                        assertThat(cfg.normalExits().size() + cfg.exceptionalExits().size()).isPositive();
                        ownership.analyze(body);
                        bodies++;
                    }
                }
            }
            assertThat(bodies).isGreaterThan(400);
        }
    }

    /** The calls and instance creations of a body, not of the bodies nested in it. */
    private static List<Tree> calls(TreePath body) {
        List<Tree> calls = new ArrayList<>();
        Tree leaf = body.getLeaf();
        Tree start = leaf instanceof com.sun.source.tree.MethodTree method ? method.getBody()
                : leaf instanceof LambdaExpressionTree lambda ? lambda.getBody() : leaf;
        new BodyScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                calls.add(node);
                return super.visitMethodInvocation(node, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree node, Void unused) {
                calls.add(node);
                return super.visitNewClass(node, unused);
            }
        }.scan(start == leaf ? body : new TreePath(body, start), null);
        return calls;
    }
}
