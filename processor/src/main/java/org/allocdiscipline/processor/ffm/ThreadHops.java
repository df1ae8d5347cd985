package org.allocdiscipline.processor.ffm;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import org.allocdiscipline.processor.flow.OnDemandPathScanner;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * The code in a body (nested lambdas and classes included) that runs on a thread other than the one
 * running the body: lambdas, method references and anonymous classes handed to a call that runs them on
 * another thread ({@link ApiModel#runsOnAnotherThread}), an anonymous subclass of {@code Thread}, and the
 * lambdas and method references given to the operations of a parallel stream ({@code parallelStream()},
 * {@code .parallel()}, unless a later {@code .sequential()} undoes it).
 *
 * <p>Code reached otherwise is not seen: a {@code Runnable} kept in a variable and submitted later, an
 * object of a named class handed over, a stream kept in a variable and made parallel elsewhere.
 */
public final class ThreadHops {
    /**
     * One piece of code that runs on another thread.
     *
     * @param code the lambda, method reference or anonymous class
     * @param runner how the message names what runs it, such as {@code ExecutorService.submit}
     */
    public record Hop(TreePath code, String runner) {
    }

    private ThreadHops() {
    }

    /**
     * The hops in a body, in source order.
     *
     * @param trees the compiler's tree utilities
     * @param types subtype tests
     * @param body the body's code
     * @return the hops
     */
    public static List<Hop> in(Trees trees, ForeignTypes types, TreePath body) {
        List<Hop> hops = new ArrayList<>();
        // Paths only for the calls and creations it looks at.
        new OnDemandPathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (trees.getElement(getCurrentPath()) instanceof ExecutableElement method) {
                    if (ApiModel.runsOnAnotherThread(method, types.ownerIsA(method))) {
                        code(call.getArguments(), runnerName(method));
                    } else if (call.getMethodSelect() instanceof MemberSelectTree select
                            && ApiModel.isStream(types.ownerIsA(method)) && isParallel(select.getExpression())) {
                        code(call.getArguments(), "a parallel stream's " + method.getSimpleName());
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree creation, Void unused) {
                if (trees.getElement(getCurrentPath()) instanceof ExecutableElement constructor
                        && ApiModel.runsOnAnotherThread(constructor, types.ownerIsA(constructor))) {
                    // An anonymous subclass's constructor has no name: the class it extends has.
                    String runner = "new " + creation.getIdentifier() + "(...)";
                    code(creation.getArguments(), runner);
                    if (creation.getClassBody() != null) {
                        hops.add(new Hop(getCurrentPath(), runner));
                    }
                }
                return super.visitNewClass(creation, unused);
            }

            private void code(List<? extends ExpressionTree> arguments, String runner) {
                for (ExpressionTree argument : arguments) {
                    Tree inner = argument;
                    while (inner instanceof ParenthesizedTree parenthesized) {
                        inner = parenthesized.getExpression();
                    }
                    if (isCode(inner)) {
                        hops.add(new Hop(new TreePath(getCurrentPath(), inner), runner));
                    }
                }
            }

            /** Whether the stream a receiver evaluates to is parallel: the nearest mode call in its chain says. */
            private boolean isParallel(ExpressionTree receiver) {
                ExpressionTree current = receiver;
                while (current instanceof MethodInvocationTree call) {
                    if (trees.getElement(new TreePath(getCurrentPath(), call)) instanceof ExecutableElement method) {
                        Boolean parallel = ApiModel.isParallelStream(method, types.ownerIsA(method));
                        if (parallel != null) {
                            return parallel;
                        }
                    }
                    current = call.getMethodSelect() instanceof MemberSelectTree select ? select.getExpression() : null;
                }
                return false;
            }
        }.scan(body, null);
        return hops;
    }

    /**
     * How a message names a method that runs code: its class's simple name and its own.
     *
     * @param method the method
     * @return such as {@code ExecutorService.submit}
     */
    public static String runnerName(ExecutableElement method) {
        Element owner = method.getEnclosingElement();
        return (owner == null ? "" : owner.getSimpleName() + ".") + method.getSimpleName();
    }

    /**
     * Whether a tree is code that runs when called: a lambda, a method reference or an anonymous class.
     *
     * @param tree an expression, past its parentheses
     * @return true for code a runner can be handed
     */
    public static boolean isCode(Tree tree) {
        return tree instanceof LambdaExpressionTree || tree instanceof MemberReferenceTree
                || tree instanceof NewClassTree creation && creation.getClassBody() != null;
    }
}
