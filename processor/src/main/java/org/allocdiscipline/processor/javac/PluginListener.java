package org.allocdiscipline.processor.javac;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.util.function.Function;
import javax.tools.Diagnostic;

/**
 * The plugin's listener. It decides when javac starts analysing, since by then javac has run any
 * annotation processors: if the processor checks this compilation, this listener does nothing; if
 * not, it makes the checker and hands it every analysed class.
 */
public final class PluginListener implements TaskListener {
    private final JavacTask task;
    private final TreesMessager messager;
    private final Function<TreesMessager, ClassChecker> checkerFactory;
    private boolean decided;
    private AnalyzeListener delegate;

    /**
     * Makes the listener; the checker comes later, once it is clear that the plugin checks.
     *
     * @param task the compilation
     * @param messager where the checker prints messages that have no tree
     * @param checkerFactory makes the checker (returns null if there is nothing to check, e.g. bad options)
     */
    public PluginListener(JavacTask task, TreesMessager messager, Function<TreesMessager, ClassChecker> checkerFactory) {
        this.task = task;
        this.messager = messager;
        this.checkerFactory = checkerFactory;
    }

    @Override
    public void started(TaskEvent event) {
        messager.seen(event.getCompilationUnit());
        if (!decided && event.getKind() == TaskEvent.Kind.ANALYZE) {
            decided = true;
            if (!CheckerClaims.processorChecks(task)) {
                delegate = start();
            }
        }
    }

    private AnalyzeListener start() {
        try {
            ClassChecker checker = checkerFactory.apply(messager);
            return checker == null ? null : new AnalyzeListener(checker);
        } catch (RuntimeException | LinkageError e) {
            messager.printMessage(Diagnostic.Kind.NOTE,
                    "allocdiscipline: could not start (" + e + "), so allocator discipline is not checked here");
            return null;
        }
    }

    @Override
    public void finished(TaskEvent event) {
        messager.seen(event.getCompilationUnit());
        if (delegate != null) {
            delegate.finished(event);
        }
    }
}
