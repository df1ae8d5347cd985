package org.allocdiscipline.processor.rules;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import javax.lang.model.element.Element;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.ownership.Leak;
import org.allocdiscipline.processor.ownership.LeakReason;
import org.allocdiscipline.processor.ownership.OwnershipFindings;
import org.allocdiscipline.processor.ownership.OwnershipWording;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.ClassContext;
import org.allocdiscipline.processor.rules.api.CodeBody;
import org.allocdiscipline.processor.rules.api.Rule;
import org.allocdiscipline.processor.scope.ExpectedThrows;

/**
 * {@code owned-not-freed}: an owned value (the result of an {@code @Owned} method, a {@code new} of
 * an {@code @Owned} class, an {@code @Owned} parameter or field) that some path leaves without
 * freeing it or handing it on. Reported once per allocation site, at the call or {@code new} (at
 * the declaration for parameters and fields), naming the path that leaks.
 */
public final class OwnedNotFreedRule implements Rule {
    /** The rule's id, what it reports and how its findings are fixed. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.documented("owned-not-freed",
            "An owned value (an @Owned result, a new @Owned object, an @Owned parameter or field) is neither"
                    + " freed nor handed on along some path to an exit of the method.",
            "Free it on every path, typically in a finally block or with try-with-resources, or hand it on"
                    + " (return it from an @Owned method, pass it to an @Owned parameter, store it in an @Owned field).");

    /** Creates the rule; it reads the shared ownership analysis of each body. */
    public OwnedNotFreedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean needsEveryClass() {
        return false;
    }

    @Override
    public void check(BodyContext context) {
        OwnershipFindings found = context.analyses().ownership(context.body());
        OwnershipWording words = new OwnershipWording(context.trees(), context.unit());
        String body = "the " + kindName(context.body());
        for (Leak leak : found.leaks()) {
            Tree site = leak.site().getLeaf();
            if (expectedToThrow(context, leak)) {
                continue;
            }
            boolean field = site instanceof VariableTree && isField(leak);
            String what = site instanceof VariableTree variable
                    ? (field ? fieldWord(context.trees().getElement(leak.site())) : "The @Owned parameter `")
                            + variable.getName() + "`"
                    : "The owned value from " + words.name(site);
            context.findings().report(leak.site(), what + " " + leak.reason().clause(leak, words, body, field)
                            + words.helper(leak.helper(), true) + ".",
                    leak.reason().hint(leak, field));
        }
    }

    @Override
    public void checkClass(ClassContext context) {
        OwnershipWording words = new OwnershipWording(context.trees(), context.unit());
        for (Leak leak : context.analyses().fieldsWithoutClose(context.declaration())) {
            VariableTree field = (VariableTree) leak.site().getLeaf();
            context.findings().report(leak.site(), fieldWord(context.trees().getElement(leak.site())) + field.getName() + "` of "
                    + context.signature() + " " + leak.reason().clause(leak, words, "", true) + ".",
                    leak.reason().hint(leak, true));
        }
    }

    /** A discarded call that a test expects to throw returns nothing when the test passes. */
    private static boolean expectedToThrow(BodyContext context, Leak leak) {
        return leak.reason() == LeakReason.DISCARDED && context.body().kind() == CodeBody.Kind.LAMBDA
                && ExpectedThrows.isExpectedToThrow(context.trees(), context.body().declaration(),
                        leak.site().getLeaf());
    }

    /** An arena field owes its release without the annotation: the message does not claim one. */
    private static String fieldWord(Element field) {
        return field != null && !ApiModel.has(field, ApiModel.OWNED) ? "The arena field `" : "The @Owned field `";
    }

    private static boolean isField(Leak leak) {
        return leak.site().getParentPath() != null
                && leak.site().getParentPath().getLeaf() instanceof ClassTree;
    }

    private static String kindName(CodeBody body) {
        return switch (body.kind()) {
            case METHOD -> "method";
            case LAMBDA -> "lambda";
            case INITIALIZER -> "initializer";
            case FIELD_INITIALIZER -> "field initializer";
        };
    }
}
