package org.allocdiscipline.processor.report;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;

/**
 * The checker failed on one piece of code; reported as one note, and checking goes on.
 *
 * @param message the note's text, naming the method (or class) and the exception
 * @param tree where the note is placed, or null for no position
 * @param unit the compilation unit holding the tree, or null
 */
public record InternalFailure(String message, Tree tree, CompilationUnitTree unit) {
    /**
     * The note for a failure while checking a named piece of code.
     *
     * @param what what was being checked, such as {@code com.example.Foo.bar(int)}
     * @param ruleId the rule that failed, or null if it was not a rule
     * @param failure the exception
     * @return the note's text
     */
    public static String describe(String what, String ruleId, Throwable failure) {
        String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        StackTraceElement top = failure.getStackTrace().length == 0 ? null : failure.getStackTrace()[0];
        return "[allocdiscipline] internal error while checking " + what
                + (ruleId == null ? "" : " (rule " + ruleId + ")") + ": "
                + failure.getClass().getName() + detail + (top == null ? "" : " at " + top)
                + "; the rest of the code is checked as usual. Please report this.";
    }
}
