package org.allocdiscipline.processor.javac;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;

/**
 * Runs the checks after javac's {@code ANALYZE} phase, when a class's trees are fully typed, and
 * ends the report when the compilation finishes. No exception leaves this listener: javac would
 * abort the compilation with it.
 */
public final class AnalyzeListener implements TaskListener {
    private final ClassChecker checker;

    /**
     * Creates the listener.
     *
     * @param checker what to run per class and at the end
     */
    public AnalyzeListener(ClassChecker checker) {
        this.checker = checker;
    }

    @Override
    public void finished(TaskEvent event) {
        try {
            switch (event.getKind()) {
                case ANALYZE -> {
                    // module-info and package-info have no class to check.
                    if (event.getTypeElement() != null && event.getCompilationUnit() != null) {
                        checker.checkClass(event.getCompilationUnit(), event.getTypeElement());
                    }
                }
                case COMPILATION -> checker.finish();
                default -> {
                }
            }
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            checker.failed(event.getKind() == TaskEvent.Kind.ANALYZE && event.getTypeElement() != null
                    ? event.getTypeElement().getQualifiedName().toString()
                    : "the " + event.getKind() + " phase", e);
        }
    }
}
