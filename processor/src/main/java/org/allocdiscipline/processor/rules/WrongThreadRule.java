package org.allocdiscipline.processor.rules;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import org.allocdiscipline.processor.ffm.ArenaOrigins;
import org.allocdiscipline.processor.ffm.ForeignTypes;
import org.allocdiscipline.processor.ffm.ThreadHops;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.model.ApiModel.ArenaKind;
import org.allocdiscipline.processor.ownership.OwnershipWording;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.Rule;

/**
 * {@code wrong-thread}: a confined arena ({@code Arena.ofConfined()}), or a segment allocated from one,
 * captured by code that runs on another thread ({@link ThreadHops}). Only the thread that made a confined
 * arena may use it or its segments; any other gets a {@code WrongThreadException}.
 *
 * <p>Which locals hold a confined arena or its segments is {@link ArenaOrigins}'s to say; the rule reports
 * each such local once per piece of code that captures it, at its first use there. A body answers for its
 * own locals, also where lambdas and classes inside it capture them.
 */
public final class WrongThreadRule implements Rule {
    /** The rule's id, what it reports and how its findings are fixed. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.documented("wrong-thread",
            "A confined arena, or a segment allocated from one, is captured by code that runs on another thread"
                    + " (an executor, a new thread, an async CompletableFuture stage, a parallel stream).",
            "Use Arena.ofShared() for memory that other threads use, copy the data out (toArray, get) before"
                    + " handing it over, or do the work on the thread that owns the arena.");

    /** Creates the rule; it keeps no state between bodies. */
    public WrongThreadRule() {
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
        // Code that runs on another thread is a lambda, a method reference or a class inside the body.
        if (!context.body().parts().holdsNestedCode()
                || !namesConfinedFactory(context.body().parts().globalAllocatorCandidates())) {
            return;
        }
        ForeignTypes foreign = context.analyses().foreignTypes();
        ArenaOrigins origins = ArenaOrigins.of(context.trees(), foreign, context.body().body());
        if (!origins.anyLocal()) {
            return;
        }
        OwnershipWording wording = new OwnershipWording(context.trees(), context.unit());
        for (ThreadHops.Hop hop : ThreadHops.in(context.trees(), foreign, context.body().body())) {
            Set<Element> reported = new HashSet<>();
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitIdentifier(IdentifierTree identifier, Void unused) {
                    Element local = context.trees().getElement(getCurrentPath());
                    ArenaOrigins.Origin origin = local == null ? null : origins.ofLocal(local);
                    if (origin != null && origin.kind() == ArenaKind.CONFINED && reported.add(local)) {
                        report(context, wording, getCurrentPath(), hop, origin);
                    }
                    return super.visitIdentifier(identifier, unused);
                }
            }.scan(hop.code(), null);
        }
    }

    private static void report(BodyContext context, OwnershipWording wording, TreePath use, ThreadHops.Hop hop,
                               ArenaOrigins.Origin origin) {
        String arena = wording.site(origin.factory());
        String what = origin.segment() ? "a segment of the confined arena " + arena : "the confined arena " + arena;
        String code = switch (hop.code().getLeaf().getKind()) {
            case LAMBDA_EXPRESSION -> "a lambda";
            case MEMBER_REFERENCE -> "a method reference";
            default -> "an anonymous class";
        };
        String message = wording.name(use.getLeaf()) + ", " + what + ", is used by " + code + " that " + hop.runner()
                + " runs on another thread; only the thread that made a confined arena may use it and its segments"
                + " (WrongThreadException).";
        context.findings().report(use, message, DESCRIPTOR.fixHint());
    }

    private static boolean namesConfinedFactory(List<TreePath> candidates) {
        for (TreePath candidate : candidates) {
            if (candidate.getLeaf() instanceof com.sun.source.tree.MemberSelectTree select
                    ? select.getIdentifier().contentEquals(ApiModel.CONFINED_FACTORY_NAME)
                    : candidate.getLeaf() instanceof IdentifierTree identifier
                            && identifier.getName().contentEquals(ApiModel.CONFINED_FACTORY_NAME)) {
                return true;
            }
        }
        return false;
    }
}
