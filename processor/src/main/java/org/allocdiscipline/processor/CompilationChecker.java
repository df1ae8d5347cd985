package org.allocdiscipline.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.allocdiscipline.processor.javac.ClassChecker;
import org.allocdiscipline.processor.report.InternalFailure;
import org.allocdiscipline.processor.report.ReportSession;
import org.allocdiscipline.processor.rules.api.Rule;
import org.allocdiscipline.processor.rules.engine.RuleRunner;

/** Joins the rule runner and the report for one compilation. */
final class CompilationChecker implements ClassChecker {
    private final Trees trees;
    private final RuleRunner runner;
    private final ReportSession report;
    private final Messager messager;
    /** Null unless {@code allocdiscipline.timing=true}. */
    private final CheckTiming timing;

    CompilationChecker(JavacTask task, Options options, List<Rule> rules, Messager messager, String version) {
        this.trees = Trees.instance(task);
        this.runner = new RuleRunner(rules, trees, task.getTypes(), task.getElements(), options);
        this.report = ReportSession.start(options, trees, messager, rules.stream().map(Rule::descriptor).toList(),
                version);
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
        TreePath path = TreePath.getPath(unit, tree);
        if (path == null) {
            return;
        }
        RuleRunner.Result result = runner.check(unit, path);
        report.accept(result.findings(), result.failures());
        if (timing != null) {
            timing.analysed(unit, result.bodies());
        }
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
