package org.allocdiscipline.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.ArrayList;
import javax.annotation.processing.Messager;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.allocdiscipline.processor.javac.ClassChecker;
import org.allocdiscipline.processor.report.InternalFailure;
import org.allocdiscipline.processor.report.ReportSession;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.Rule;
import org.allocdiscipline.processor.rules.engine.RuleRunner;

/** Joins the rule runner and the report for one compilation. */
final class CompilationChecker implements ClassChecker {
    private final Trees trees;
    private final JavacTask task;
    private final Options options;
    private final List<Rule> rules;
    private final RuleRunner runner;
    private final ReportSession report;
    private final Messager messager;
    /** Null unless {@code allocdiscipline.timing=true}. */
    private final CheckTiming timing;

    CompilationChecker(JavacTask task, Options options, List<Rule> rules, Messager messager, String version) {
        this.trees = Trees.instance(task);
        this.task = task;
        this.options = options;
        this.rules = rules;
        this.runner = freshRunner();
        List<RuleDescriptor> descriptors = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            descriptors.add(rule.descriptor());
        }
        this.report = ReportSession.start(options, trees, messager, List.copyOf(descriptors), version);
        this.messager = messager;
        this.timing = options.timing() ? new CheckTiming() : null;
    }

    @Override
    public void checkClass(CompilationUnitTree unit, TypeElement type) {
        if (timing == null) {
            check(unit, type);
            return;
        }
        timing.start();
        try {
            check(unit, type);
        } finally {
            timing.stop();
        }
    }

    private void check(CompilationUnitTree unit, TypeElement type) {
        ClassTree tree = trees.getTree(type);
        if (tree == null) {
            return;
        }
        TreePath path = pathOf(unit, tree);
        if (path == null) {
            return;
        }
        RuleRunner.Result result = runner.check(unit, path);
        if (overflowed(result)) {
            result = checkOnDeepStack(unit, path, result);
        }
        report.accept(result.findings(), result.failures());
        if (timing != null) {
            timing.analysed(unit, result.bodies());
        }
    }

    /**
     * The path to a class. A top-level class is a child of its unit: {@link TreePath#getPath} would find it
     * too, but by a search that ends in a thrown error (whose stack trace is filled in) for every class.
     */
    private static TreePath pathOf(CompilationUnitTree unit, ClassTree tree) {
        for (Tree declaration : unit.getTypeDecls()) {
            if (declaration == tree) {
                return new TreePath(new TreePath(unit), tree);
            }
        }
        return TreePath.getPath(unit, tree);
    }

    /** A runner with nothing remembered: the compilation's first, or one for a class checked again. */
    private RuleRunner freshRunner() {
        return new RuleRunner(rules, trees, task.getTypes(), task.getElements(), options);
    }

    /**
     * Checks a class again, from scratch, on a thread with a deep stack: a fresh runner, so that no
     * analysis remembered from the attempt that overflowed is reused. Code that needs it is rare, so
     * the compiling thread does the usual work and no thread is started in ordinary compilations.
     */
    private RuleRunner.Result checkOnDeepStack(CompilationUnitTree unit, TreePath path, RuleRunner.Result first) {
        try {
            return DeepStack.call(() -> freshRunner().check(unit, path));
        } catch (OutOfMemoryError e) {
            // No address space for a deep stack: the first attempt's notes say what was not checked.
            return first;
        }
    }

    /** Whether a rule or analysis ran out of stack on this class (the runner turned that into a note). */
    private static boolean overflowed(RuleRunner.Result result) {
        String overflow = StackOverflowError.class.getName();
        for (InternalFailure failure : result.failures()) {
            if (failure.message().contains(overflow)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void finish() {
        if (timing == null) {
            report.finish();
            return;
        }
        // Writing SARIF and the baseline is the processor's work too.
        timing.start();
        try {
            report.finish();
        } finally {
            timing.stop();
        }
        messager.printMessage(Diagnostic.Kind.NOTE, timing.summary());
    }

    @Override
    public void failed(String what, Throwable failure) {
        report.internalFailure(new InternalFailure(InternalFailure.describe(what, null, failure), null, null));
    }
}
