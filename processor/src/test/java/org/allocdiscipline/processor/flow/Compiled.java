package org.allocdiscipline.processor.flow;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.allocdiscipline.processor.testing.Checker;
import org.allocdiscipline.processor.testing.CollectedBodies;

/** Sources compiled in memory through the public javac API, with lookups for tests. */
final class Compiled {
    private static final Pattern TYPE_NAME = Pattern.compile("(?:class|interface|record|enum)\\s+(\\w+)");

    final JavacTask task;
    final Trees trees;
    final Types types;
    final Elements elements;
    final List<CompilationUnitTree> units = new ArrayList<>();

    private Compiled(JavacTask task) {
        this.task = task;
        this.trees = Trees.instance(task);
        this.types = task.getTypes();
        this.elements = task.getElements();
    }

    /** Compiles and attributes complete compilation units; fails on any compile error. */
    static Compiled of(String... sources) {
        return compile(true, sources);
    }

    /** Compiles and attributes sources that may contain errors, as javac still hands them to processors. */
    static Compiled withErrors(String... sources) {
        return compile(false, sources);
    }

    private static Compiled compile(boolean strict, String... sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> files = new ArrayList<>();
        for (String source : sources) {
            Matcher name = TYPE_NAME.matcher(source);
            if (!name.find()) {
                throw new IllegalArgumentException("no type in source");
            }
            files.add(new Source(name.group(1), source));
        }
        JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostics,
                List.of("-proc:none", Checker.PLUGIN_OFF, "--release", "25", "-Xlint:-options"), null, files);
        Compiled compiled = new Compiled(task);
        try {
            for (CompilationUnitTree unit : task.parse()) {
                compiled.units.add(unit);
            }
            task.analyze();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(diagnostic.getLineNumber() + ": " + diagnostic.getMessage(null));
            }
        }
        if (strict && !errors.isEmpty()) {
            throw new IllegalArgumentException("compile errors: " + errors + "\n" + String.join("\n", sources));
        }
        return compiled;
    }

    /** The bodies of the first unit, as the checker finds them. */
    List<TreePath> bodies() {
        return CollectedBodies.of(task, units.get(0));
    }

    /** A class named T with the usual helpers around the given members. */
    static Compiled members(String members) {
        return of("""
                import java.io.*;
                import java.util.*;
                class E1 extends Exception {}
                class E1a extends E1 {}
                class E2 extends Exception {}
                class Res implements AutoCloseable { public void close() throws E2 {} }
                class QuietRes implements AutoCloseable { public void close() {} }
                sealed interface Shape permits Circle, Square {}
                record Circle(double r) implements Shape {}
                record Square(double side) implements Shape {}
                class T {
                    static boolean c() { return true; }
                    static int n() { return 0; }
                    static void a() {}
                    static void b() {}
                    static void d() {}
                    static void use(Object o) {}
                    static void e1() throws E1 {}
                    static void e1a() throws E1a {}
                    static void e2() throws E2 {}
                    static void io() throws IOException {}
                    static Object obj() { return new Object(); }
                """ + members + "\n}\n");
    }

    /** Every path to a method with this name, in source order. */
    List<TreePath> methods(String name) {
        List<TreePath> found = new ArrayList<>();
        for (CompilationUnitTree unit : units) {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethod(MethodTree method, Void unused) {
                    if (method.getName().contentEquals(name)) {
                        found.add(getCurrentPath());
                    }
                    return super.visitMethod(method, unused);
                }
            }.scan(unit, null);
        }
        return found;
    }

    TreePath method(String name) {
        List<TreePath> found = methods(name);
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " methods named " + name);
        }
        return found.get(0);
    }

    /** The lambdas inside a tree, in source order. */
    List<TreePath> lambdas(TreePath within) {
        List<TreePath> found = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
                found.add(getCurrentPath());
                return super.visitLambdaExpression(lambda, unused);
            }
        }.scan(within, null);
        return found;
    }

    Cfg cfg(String method) {
        return cfg(method, CfgOptions.DEFAULT);
    }

    Cfg cfg(String method, CfgOptions options) {
        return builder(options).build(method(method));
    }

    CfgBuilder builder(CfgOptions options) {
        return new CfgBuilder(trees, types, elements, options);
    }

    String print(Cfg cfg) {
        return CfgPrinter.print(cfg, trees);
    }

    static String text(Tree tree) {
        return tree.toString().replaceAll("\\s+", " ");
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
