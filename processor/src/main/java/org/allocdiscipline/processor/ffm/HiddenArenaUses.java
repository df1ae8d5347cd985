package org.allocdiscipline.processor.ffm;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import org.allocdiscipline.processor.ffm.ArenaOrigins.Origin;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Where one body allocates from an arena that hides its policy ({@code Arena.ofAuto()},
 * {@code Arena.global()}). "Allocates from" means one of:
 * <ul>
 *   <li>calls an {@code allocate...} method on it (directly, through a local, or through a final field of
 *       the compilation unit that holds it);</li>
 *   <li>hands it to a parameter of type {@code SegmentAllocator} or {@code Arena}, where the callee
 *       allocates with it or ties a segment's lifetime to it; except the arenas of
 *       {@code SymbolLookup.libraryLookup} and {@code Linker.upcallStub}, which are meant to live for the
 *       process, and of {@code MemorySegment.reinterpret}, which allocates nothing;</li>
 *   <li>returns it from a method or lambda, which hands the choice to every caller.</li>
 * </ul>
 * Making such an arena, keeping it in a field or a local, or closing it is not an allocation by itself.
 *
 * <p>A body answers for the arenas it names directly or through a final field, and for those of its own
 * locals also where a lambda or class inside it uses them (a captured local has one value); the uses
 * inside nested bodies of what those bodies name themselves are theirs.
 */
public final class HiddenArenaUses {
    /** How an allocation uses the arena. */
    public enum How {
        /** {@code arena.allocate...(...)}. */
        ALLOCATES,
        /** Handed to a parameter of type {@code SegmentAllocator} or {@code Arena}. */
        HANDED_ON,
        /** Returned to the caller. */
        RETURNED
    }

    /**
     * One allocation from a hidden arena.
     *
     * @param use the expression that denotes the arena there
     * @param origin where the arena comes from
     * @param how how it is used
     * @param callee for {@link How#HANDED_ON}, the method or constructor it is handed to; else null
     * @param parameter for {@link How#HANDED_ON}, the parameter it is handed to; else null
     */
    public record Use(TreePath use, Origin origin, How how, ExecutableElement callee, VariableElement parameter) {
        /**
         * Whether the use needs an {@code Arena} in its place, not just a {@code SegmentAllocator}.
         *
         * @param types subtype tests
         * @return true when it is handed to an {@code Arena} parameter
         */
        public boolean needsArena(ForeignTypes types) {
            return parameter != null && types.isA(parameter.asType(), ApiModel.ARENA);
        }
    }

    private HiddenArenaUses() {
    }

    /**
     * The allocations from hidden arenas that a body answers for, in source order.
     *
     * @param trees the compiler's tree utilities
     * @param types subtype tests
     * @param forwarding which methods only pass an arena on to a process-long use
     * @param body the body's code
     * @return the uses
     */
    public static List<Use> in(Trees trees, ForeignTypes types, ArenaForwarding forwarding, TreePath body) {
        ArenaOrigins origins = ArenaOrigins.of(trees, types, body);
        List<Use> uses = new ArrayList<>();
        Set<Tree> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        TreePathScanner<Void, Void> scanner = new TreePathScanner<>() {
            private int nested;

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
                return nestedBody(() -> super.visitLambdaExpression(lambda, unused));
            }

            @Override
            public Void visitClass(ClassTree type, Void unused) {
                return nestedBody(() -> super.visitClass(type, unused));
            }

            private Void nestedBody(Supplier<Void> scan) {
                nested++;
                try {
                    return scan.get();
                } finally {
                    nested--;
                }
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (trees.getElement(getCurrentPath()) instanceof ExecutableElement method) {
                    if (call.getMethodSelect() instanceof MemberSelectTree select && ApiModel.isSegmentAllocation(method)
                            && types.ownerIsA(method).test(ApiModel.SEGMENT_ALLOCATOR)) {
                        consider(new TreePath(new TreePath(getCurrentPath(), select), select.getExpression()),
                                How.ALLOCATES, null, null);
                    }
                    arguments(method, call.getArguments());
                }
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree creation, Void unused) {
                if (trees.getElement(getCurrentPath()) instanceof ExecutableElement constructor) {
                    arguments(constructor, creation.getArguments());
                }
                return super.visitNewClass(creation, unused);
            }

            @Override
            public Void visitReturn(ReturnTree ret, Void unused) {
                if (ret.getExpression() != null) {
                    consider(new TreePath(getCurrentPath(), ret.getExpression()), How.RETURNED, null, null);
                }
                return super.visitReturn(ret, unused);
            }

            private void arguments(ExecutableElement callee, List<? extends ExpressionTree> arguments) {
                if (callee.getParameters().isEmpty() || ApiModel.isProcessLifetimeArenaUse(callee)) {
                    return;
                }
                for (int i = 0; i < arguments.size(); i++) {
                    VariableElement parameter = callee.getParameters().get(Math.min(i, callee.getParameters().size() - 1));
                    if (types.isA(parameter.asType(), ApiModel.SEGMENT_ALLOCATOR)
                            && !forwarding.onlyToProcessLifetimeUse(callee, parameter)) {
                        consider(new TreePath(getCurrentPath(), arguments.get(i)), How.HANDED_ON, callee, parameter);
                    }
                }
            }

            private void consider(TreePath use, How how, ExecutableElement callee, VariableElement parameter) {
                Origin origin = origins.of((ExpressionTree) use.getLeaf());
                if (origin == null || origin.segment() || !origin.kind().hidesPolicy() || !seen.add(use.getLeaf())) {
                    return;
                }
                // Inside a nested body only this body's locals are this body's business.
                if (nested > 0 && !(trees.getElement(withoutParentheses(use)) instanceof Element local
                        && origins.ofLocal(local) != null)) {
                    return;
                }
                uses.add(new Use(use, origin, how, callee, parameter));
            }
        };
        if (body.getLeaf() instanceof ExpressionTree expression && body.getParentPath() != null
                && body.getParentPath().getLeaf() instanceof LambdaExpressionTree) {
            // An expression lambda returns its body.
            Origin origin = origins.of(expression);
            if (origin != null && !origin.segment() && origin.kind().hidesPolicy()) {
                uses.add(new Use(body, origin, How.RETURNED, null, null));
                seen.add(expression);
            }
        }
        scanner.scan(body, null);
        return uses;
    }

    /**
     * The path to the expression inside parentheses and casts.
     *
     * @param path a path to an expression
     * @return the path to what it wraps, or the path itself
     */
    public static TreePath withoutParentheses(TreePath path) {
        TreePath current = path;
        while (current.getLeaf() instanceof com.sun.source.tree.ParenthesizedTree
                || current.getLeaf() instanceof com.sun.source.tree.TypeCastTree) {
            Tree inner = current.getLeaf() instanceof com.sun.source.tree.ParenthesizedTree parenthesized
                    ? parenthesized.getExpression() : ((com.sun.source.tree.TypeCastTree) current.getLeaf()).getExpression();
            current = new TreePath(current, inner);
        }
        return current;
    }
}
