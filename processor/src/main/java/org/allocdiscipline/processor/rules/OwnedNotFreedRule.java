package org.allocdiscipline.processor.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import org.allocdiscipline.processor.ownership.Leak;
import org.allocdiscipline.processor.ownership.LeakReason;
import org.allocdiscipline.processor.ownership.OwnershipFindings;

/**
 * {@code owned-not-freed}: an owned value (the result of an {@code @Owned} method, a {@code new} of
 * an {@code @Owned} class, an {@code @Owned} parameter or field) that some path leaves without
 * freeing it or handing it on. Reported once per allocation site, at the call or {@code new} (at
 * the declaration for parameters and fields), naming the path that leaks.
 */
public final class OwnedNotFreedRule implements Rule {
    /** Creates the rule; it reads the shared ownership analysis of each body. */
    public OwnedNotFreedRule() {
    }

    @Override
    public String id() {
        return RuleIds.OWNED_NOT_FREED;
    }

    @Override
    public String description() {
        return "An owned value (an @Owned result, a new @Owned object, an @Owned parameter or field) is neither"
                + " freed nor handed on along some path to an exit of the method.";
    }

    @Override
    public String fixHint() {
        return "Free it on every path, typically in a finally block or with try-with-resources, or hand it on"
                + " (return it from an @Owned method, pass it to an @Owned parameter, store it in an @Owned field).";
    }

    @Override
    public void check(BodyContext context) {
        OwnershipFindings found = context.analyses().ownership(context.body());
        OwnershipWording words = new OwnershipWording(context.trees(), context.unit());
        for (Leak leak : found.leaks()) {
            Tree site = leak.site().getLeaf();
            String what = site instanceof VariableTree variable
                    ? (isField(leak) ? "The @Owned field `" : "The @Owned parameter `") + variable.getName()
                            + "`"
                    : "The owned value from " + words.name(site);
            boolean field = site instanceof VariableTree && isField(leak);
            context.findings().report(leak.site(), what + " " + path(leak, words, context.body(), field) + ".",
                    hint(leak, field));
        }
    }

    @Override
    public void checkClass(ClassContext context) {
        for (Leak leak : context.analyses().fieldsWithoutClose(context.declaration())) {
            VariableTree field = (VariableTree) leak.site().getLeaf();
            context.findings().report(leak.site(), "The @Owned field `" + field.getName() + "` of "
                    + context.signature() + " is never released: the class has no close() method.",
                    "Add a close() method (and implement AutoCloseable) that frees " + field.getName() + ".");
        }
    }

    private static boolean isField(Leak leak) {
        return leak.site().getParentPath() != null
                && leak.site().getParentPath().getLeaf() instanceof com.sun.source.tree.ClassTree;
    }

    /** The path that leaks, as a clause: "leaks at the return on line 12". */
    private static String path(Leak leak, OwnershipWording words, CodeBody body, boolean field) {
        Tree at = leak.at();
        if (leak.reason() == LeakReason.DROPPED && at instanceof AssignmentTree assignment) {
            return "is stored into " + words.name(assignment.getVariable()) + " on line " + words.line(at)
                    + ", which is not an @Owned field, so nobody owns it";
        }
        return switch (leak.reason()) {
            case RETURN -> "is not freed on the path through the `return` on line " + words.line(at)
                    + (field ? " of close()" : "");
            case RETURNED_UNOWNED -> "is returned on line " + words.line(at) + " by a method whose result is not"
                    + " @Owned, so nobody owns it any more";
            case END_OF_BODY -> "is not freed when " + (field ? "close()" : "the " + kindName(body)) + " ends (line "
                    + words.endLine(at) + ")";
            case EXCEPTION -> at instanceof ThrowTree
                    ? "is not freed when the `throw` on line " + words.line(at) + " throws "
                            + OwnershipWording.simpleName(leak.exception())
                    : "is not freed when " + OwnershipWording.simpleName(leak.exception()) + " is thrown by "
                            + words.name(at) + " on line " + words.line(at);
            case LOOP_ITERATION -> "is not freed at the end of the loop iteration (line " + words.line(at)
                    + " runs again and the earlier value is lost)";
            case BREAK -> "is not freed on the path through the `break` on line " + words.line(at);
            case OVERWRITTEN -> "is lost when its variable is overwritten on line " + words.line(at);
            case DISCARDED -> "is discarded: the result is never stored";
            case DROPPED -> "is never stored: it is lent to " + words.name(at) + " on line " + words.line(at)
                    + " and then dropped";
            case NO_CLOSE_METHOD -> "is never released: the class has no close() method";
        };
    }

    private static String kindName(CodeBody body) {
        return switch (body.kind()) {
            case METHOD -> "method";
            case LAMBDA -> "lambda";
            case INITIALIZER -> "initializer";
            case FIELD_INITIALIZER -> "field initializer";
        };
    }

    private String hint(Leak leak, boolean field) {
        if (field) {
            return "Release it in close() on every path (in a finally block if other releases can throw).";
        }
        return switch (leak.reason()) {
            case RETURNED_UNOWNED -> "Annotate the method's result @Owned, or free the value before returning.";
            case EXCEPTION -> "Free it in a finally block or a catch clause, or use try-with-resources.";
            case LOOP_ITERATION, OVERWRITTEN -> "Free the old value before it is replaced.";
            case DISCARDED, DROPPED -> "Store the result in a variable and free it when done.";
            default -> "Free it before leaving (a finally block or try-with-resources covers every path), or hand"
                    + " it on.";
        };
    }
}
