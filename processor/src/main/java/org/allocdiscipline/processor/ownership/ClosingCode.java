package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What code handed on as a value releases of the body around it: the receiver of a method reference
 * {@code arena::close}, or the locals of the enclosing body on which a lambda or anonymous class calls
 * {@code close()} ({@code () -> arena.close()}) or that it passes to a parameter that takes ownership
 * ({@code () -> allocator.free(s)}). Such code runs later, or elsewhere: as a {@code Cleaner} action (a
 * hand-off), or as a task whose running the checker does not follow.
 */
final class ClosingCode {
    private final Trees trees;
    private final CallSignatures signatures;

    ClosingCode(Trees trees, CallSignatures signatures) {
        this.trees = trees;
        this.signatures = signatures;
    }

    /**
     * What a lambda, method reference or anonymous class releases of the body around it.
     *
     * @param closed the expressions whose values the code closes
     * @param freed the captured locals the code passes to a parameter that takes ownership, such as {@code free}'s
     */
    record Releases(List<TreePath> closed, List<TreePath> freed) {
        static final Releases NONE = new Releases(List.of(), List.of());
    }

    /**
     * @param code the path to an expression: a method reference, a lambda, a {@code new} of an anonymous
     *     class, or anything else (which closes nothing here)
     * @return the expressions whose values the code closes, each as a path the state can evaluate
     */
    List<TreePath> closedBy(TreePath code) {
        return releasedBy(code).closed();
    }

    /**
     * @param code the path to an expression, as for {@link #closedBy}
     * @return what the code closes and frees, each as a path the state can evaluate; a method reference
     *     frees nothing of the body ({@code allocator::free} frees its argument)
     */
    Releases releasedBy(TreePath code) {
        ExpressionTree tree = OwnershipTrees.skipParens((ExpressionTree) code.getLeaf());
        TreePath path = new TreePath(code.getParentPath(), tree);
        if (tree instanceof MemberReferenceTree reference) {
            boolean closes = reference.getMode() == MemberReferenceTree.ReferenceMode.INVOKE
                    && reference.getName().contentEquals("close")
                    && !(trees.getElement(new TreePath(path, reference.getQualifierExpression())) instanceof TypeElement);
            return closes ? new Releases(List.of(new TreePath(path, reference.getQualifierExpression())), List.of())
                    : Releases.NONE;
        }
        return hasBody(tree) ? captured(path) : Releases.NONE;
    }

    private static boolean hasBody(ExpressionTree code) {
        return code instanceof LambdaExpressionTree || code instanceof NewClassTree created && created.getClassBody() != null;
    }

    /** The variable a call closes: {@code arena} of {@code arena.close()}. */
    private List<TreePath> closedReceiver(TreePath call) {
        MethodInvocationTree invocation = (MethodInvocationTree) call.getLeaf();
        if (OwnershipTrees.isCloseCall(invocation) && invocation.getMethodSelect() instanceof MemberSelectTree select
                && OwnershipTrees.skipParens(select.getExpression()) instanceof IdentifierTree receiver) {
            return List.of(new TreePath(new TreePath(call, select), receiver));
        }
        return List.of();
    }

    /** The variables a call hands to parameters that take ownership: {@code s} of {@code allocator.free(s)}. */
    private List<TreePath> takenArguments(TreePath call) {
        List<? extends ExpressionTree> arguments = ((MethodInvocationTree) call.getLeaf()).getArguments();
        // Only a variable can be a captured local: a call without one needs no signature.
        if (arguments.stream().noneMatch(argument -> OwnershipTrees.skipParens(argument) instanceof IdentifierTree)
                || !(trees.getElement(call) instanceof ExecutableElement method)) {
            return List.of();
        }
        OwnershipAnnotations.Signature signature = signatures.of(method);
        List<TreePath> taken = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            if (OwnershipTrees.skipParens(arguments.get(i)) instanceof IdentifierTree argument && signature.takesArgument(i)) {
                taken.add(new TreePath(call, argument));
            }
        }
        return taken;
    }

    /** What the calls inside code release, of the variables it captures from the body around it. */
    private Releases captured(TreePath code) {
        List<TreePath> closes = new ArrayList<>();
        List<TreePath> frees = new ArrayList<>();
        Set<Element> declaredInside = new HashSet<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree variable, Void unused) {
                declaredInside.add(trees.getElement(getCurrentPath()));
                return super.visitVariable(variable, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                closes.addAll(closedReceiver(getCurrentPath()));
                frees.addAll(takenArguments(getCurrentPath()));
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(code, null);
        return new Releases(outside(closes, declaredInside), outside(frees, declaredInside));
    }

    /** The variables among some that are locals of the body around the code, not declared inside it. */
    private List<TreePath> outside(List<TreePath> variables, Set<Element> declaredInside) {
        List<TreePath> captured = new ArrayList<>();
        for (TreePath variable : variables) {
            Element element = trees.getElement(variable);
            if (element != null && OwnershipTrees.isLocal(element) && !declaredInside.contains(element)) {
                captured.add(variable);
            }
        }
        return captured;
    }
}
