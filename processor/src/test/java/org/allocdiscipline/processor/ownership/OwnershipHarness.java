package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.allocdiscipline.processor.flow.CfgOptions;
import org.allocdiscipline.processor.testing.Checker;
import org.allocdiscipline.processor.testing.CollectedBodies;

/**
 * Compiles a test class next to the runtime stand-ins, analyses every body in it, and renders
 * findings as "line: what", the same form as the {@code // expect:} comments in the source.
 */
final class OwnershipHarness {
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*(.*)$");
    private static final String PRELUDE = """
            import java.io.IOException;
            import java.lang.foreign.MemorySegment;
            import org.allocdiscipline.*;
            """;

    private OwnershipHarness() {
    }

    /** The expected findings written inline, one list entry per expectation. */
    static List<String> expected(String source) {
        List<String> expected = new ArrayList<>();
        String[] lines = (PRELUDE + source).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = EXPECT.matcher(lines[i]);
            if (matcher.find()) {
                for (String item : matcher.group(1).split(";")) {
                    expected.add((i + 1) + ": " + item.trim());
                }
            }
        }
        expected.sort(null);
        return expected;
    }

    static List<String> actual(String source, CfgOptions options) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> files = new ArrayList<>();
        Pattern typeName = Pattern.compile("(?:class|interface)\\s+(\\w+)");
        for (String standIn : RuntimeStandIns.SOURCES) {
            Matcher name = typeName.matcher(standIn);
            if (!name.find()) {
                throw new IllegalStateException(standIn);
            }
            files.add(new Source(name.group(1), standIn));
        }
        Source test = new Source("Test", PRELUDE + source);
        files.add(test);
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, diagnostics,
                List.of("-proc:none", Checker.PLUGIN_OFF, "--release", "25", "-implicit:none"), null, files);
        Trees trees = Trees.instance(task);
        CompilationUnitTree unit = null;
        try {
            for (CompilationUnitTree parsed : task.parse()) {
                if (parsed.getSourceFile().toUri().equals(test.toUri())) {
                    unit = parsed;
                }
            }
            task.analyze();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                throw new IllegalArgumentException("compile error at " + diagnostic.getLineNumber() + ": "
                        + diagnostic.getMessage(null));
            }
        }
        OwnershipAnalysis analysis = new OwnershipAnalysis(trees, task.getTypes(), task.getElements(), options);
        List<String> actual = new ArrayList<>();
        CompilationUnitTree root = unit;
        for (TreePath body : CollectedBodies.of(task, root)) {
            OwnershipFindings findings = analysis.analyze(body);
            for (Leak leak : findings.leaks()) {
                actual.add(line(trees, leak.site()) + ": leak " + leak.reason());
            }
            for (DoubleRelease release : findings.doubleReleases()) {
                actual.add(line(trees, release.release()) + ": double-free");
            }
            for (UseAfterRelease use : findings.usesAfterRelease()) {
                actual.add(line(trees, use.use()) + ": use-after-free");
            }
            for (WrongAllocator wrong : findings.wrongAllocators()) {
                actual.add(line(trees, wrong.release()) + ": wrong-allocator");
            }
        }
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree type, Void unused) {
                for (Leak leak : analysis.fieldsWithoutClose(getCurrentPath())) {
                    actual.add(line(trees, leak.site()) + ": leak " + leak.reason());
                }
                return super.visitClass(type, unused);
            }
        }.scan(root, null);
        actual.sort(null);
        return actual;
    }

    private static long line(Trees trees, TreePath path) {
        CompilationUnitTree unit = path.getCompilationUnit();
        Tree tree = path.getLeaf();
        LineMap lines = unit.getLineMap();
        return lines.getLineNumber(trees.getSourcePositions().getStartPosition(unit, tree));
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String name, String code) {
            super(URI.create("string:///" + name + ".java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
