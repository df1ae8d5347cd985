package org.allocdiscipline.processor.rules;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.List;
import org.allocdiscipline.processor.ffm.ArenaOrigins;
import org.allocdiscipline.processor.flow.BodyScanner;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.ownership.OwnershipWording;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.Rule;

/**
 * {@code unclosable-arena}: {@code close()} on {@code Arena.ofAuto()} or {@code Arena.global()}, directly,
 * through a local, or as a try-with-resources resource. Those arenas cannot be closed: the call always
 * throws {@code UnsupportedOperationException}. Which expression holds which arena is
 * {@link ArenaOrigins}'s to say; only bodies that name {@code ofAuto} or {@code global} are looked at.
 */
public final class UnclosableArenaRule implements Rule {
    /** The rule's id, what it reports and how its findings are fixed. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.documented("unclosable-arena",
            "close() is called on Arena.ofAuto() or Arena.global(), which always throws"
                    + " UnsupportedOperationException.",
            "Use Arena.ofConfined() or Arena.ofShared() for memory you want to free at a known point, or do"
                    + " not close the automatic or global arena.");

    /** Creates the rule; it keeps no state between bodies. */
    public UnclosableArenaRule() {
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
        if (!namesHiddenArena(context.body().parts().globalAllocatorCandidates())) {
            return;
        }
        ArenaOrigins origins = ArenaOrigins.of(context.trees(), context.analyses().foreignTypes(), context.body().body());
        OwnershipWording wording = new OwnershipWording(context.trees(), context.unit());
        new BodyScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (ApiModel.isClose(nameOf(call), call.getArguments().size())
                        && call.getMethodSelect() instanceof MemberSelectTree select) {
                    check(select.getExpression(), new TreePath(getCurrentPath(), call.getMethodSelect()), getCurrentPath());
                }
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitTry(TryTree tryTree, Void unused) {
                for (Tree resource : tryTree.getResources()) {
                    ExpressionTree value = resource instanceof VariableTree variable ? variable.getInitializer()
                            : resource instanceof ExpressionTree expression ? expression : null;
                    if (value != null) {
                        check(value, new TreePath(getCurrentPath(), resource), new TreePath(getCurrentPath(), resource));
                    }
                }
                return super.visitTry(tryTree, unused);
            }

            private void check(ExpressionTree arena, TreePath parent, TreePath at) {
                ArenaOrigins.Origin origin = origins.of(arena);
                if (origin != null && !origin.segment() && origin.kind().hidesPolicy()) {
                    String closed = at.getLeaf() instanceof VariableTree ? "Closing " : "close() on ";
                    String where = at.getLeaf() instanceof VariableTree ? " at the end of this try-with-resources" : "";
                    context.findings().report(at, closed + wording.name(arena) + where
                            + (arena == origin.factory() ? "" : ", which holds " + wording.site(origin.factory()) + ",")
                            + " always throws UnsupportedOperationException: automatic and global arenas cannot be"
                            + " closed.", DESCRIPTOR.fixHint());
                }
            }
        }.scan(context.body().body(), null);
    }

    private static CharSequence nameOf(MethodInvocationTree call) {
        ExpressionTree select = call.getMethodSelect();
        return select instanceof MemberSelectTree member ? member.getIdentifier() : select.toString();
    }

    private static boolean namesHiddenArena(List<TreePath> candidates) {
        for (TreePath candidate : candidates) {
            Tree leaf = candidate.getLeaf();
            String name = leaf instanceof MemberSelectTree select ? select.getIdentifier().toString()
                    : leaf instanceof com.sun.source.tree.IdentifierTree identifier ? identifier.getName().toString() : "";
            if (ApiModel.HIDDEN_ARENA_FACTORY_NAMES.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
