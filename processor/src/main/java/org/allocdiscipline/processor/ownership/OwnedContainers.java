package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Owned values kept in a local collection or array. Storing a value into a local {@code List},
 * {@code Set}, {@code Deque}, {@code Map} (its values) or array ({@code all.add(v)}, {@code map.put(k, v)},
 * {@code parts[i] = v}) makes that local one more holder of the value, as an alias is: the value owes its
 * release as long as the collection does, and is lost when the collection is. A <em>release loop</em> over
 * the collection meets the obligation of every value it holds: an enhanced {@code for} over it (or over a
 * map's {@code values()}), or an indexed {@code for} over it ({@code i < all.size()}, {@code i < parts.length}),
 * whose body releases the element on every path through it (as its first statement, in a {@code finally}
 * block, or guarded by a null test of the element), and {@code all.forEach(allocator::free)} or a lambda that
 * releases its parameter. Approximations: a {@code break} out of a release loop, or an exception thrown in
 * its body before the release, is not followed; removing a value from a collection is not seen.
 */
final class OwnedContainers {
    /** The methods that store their last argument into the collection they are called on. */
    private static final Set<String> STORES = Set.of("add", "addFirst", "addLast", "offer", "offerFirst", "offerLast",
            "push", "put", "putIfAbsent", "set");

    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final CallSignatures signatures;
    private final Map<Tree, Optional<Element>> releaseLoops = new IdentityHashMap<>();

    OwnedContainers(Trees trees, OwnershipAnnotations annotations, CallSignatures signatures) {
        this.trees = trees;
        this.annotations = annotations;
        this.signatures = signatures;
    }

    /**
     * The local collection a call stores its last argument into ({@code all.add(v)}), or {@code null}.
     *
     * @param call the call
     * @param path the path to it
     */
    Element storeTarget(MethodInvocationTree call, TreePath path) {
        if (call.getArguments().isEmpty() || !(call.getMethodSelect() instanceof MemberSelectTree select)
                || !STORES.contains(select.getIdentifier().toString())) {
            return null;
        }
        return containerLocal(select.getExpression(), new TreePath(path, select));
    }

    /** The local array an assignment to {@code target} stores into ({@code parts[i] = v}), or {@code null}. */
    Element storeTarget(TreePath target) {
        if (target == null || !(OwnershipTrees.skipParens((ExpressionTree) target.getLeaf()) instanceof ArrayAccessTree access)) {
            return null;
        }
        return containerLocal(access.getExpression(), target);
    }

    /** The local collection whose every value a {@code forEach} call releases, or {@code null}. */
    Element forEachRelease(MethodInvocationTree call, TreePath path) {
        if (!(call.getMethodSelect() instanceof MemberSelectTree select) || !select.getIdentifier().contentEquals("forEach")
                || call.getArguments().size() != 1) {
            return null;
        }
        Element container = iterated(select.getExpression(), new TreePath(path, select));
        if (container == null) {
            return null;
        }
        ExpressionTree action = OwnershipTrees.skipParens(call.getArguments().get(0));
        TreePath actionPath = new TreePath(path, action);
        if (action instanceof MemberReferenceTree reference && trees.getElement(actionPath) instanceof ExecutableElement method) {
            // allocator::free takes the element; Arena::close closes it.
            boolean releases = reference.getQualifierExpression() != null && !method.getParameters().isEmpty()
                    ? signatures.of(method).takesArgument(0)
                    : ApiModel.isClose(method.getSimpleName(), method.getParameters().size());
            return releases ? container : null;
        }
        if (action instanceof LambdaExpressionTree lambda && !lambda.getParameters().isEmpty()) {
            VariableTree element = lambda.getParameters().get(lambda.getParameters().size() - 1);
            Element variable = trees.getElement(new TreePath(actionPath, element));
            TreePath body = new TreePath(actionPath, lambda.getBody());
            boolean releases = lambda.getBody() instanceof ExpressionTree expression
                    ? releasesElement(expression, body, variable)
                    : releasesOnEveryPath((StatementTree) lambda.getBody(), body, variable);
            return releases ? container : null;
        }
        return null;
    }

    /**
     * The local collection or array whose every value a loop releases, when the loop is a release loop.
     *
     * @param loop the path to a loop statement
     * @return the collection's variable, or {@code null}
     */
    Element releaseLoop(TreePath loop) {
        return releaseLoops.computeIfAbsent(loop.getLeaf(), leaf -> Optional.ofNullable(computeReleaseLoop(loop)))
                .orElse(null);
    }

    private Element computeReleaseLoop(TreePath loop) {
        if (loop.getLeaf() instanceof EnhancedForLoopTree each) {
            Element container = iterated(each.getExpression(), loop);
            Element variable = trees.getElement(new TreePath(loop, each.getVariable()));
            return container != null && variable != null
                    && releasesOnEveryPath(each.getStatement(), new TreePath(loop, each.getStatement()), variable)
                    ? container : null;
        }
        if (loop.getLeaf() instanceof ForLoopTree indexed && indexed.getCondition() instanceof BinaryTree bound
                && bound.getKind() == Tree.Kind.LESS_THAN && OwnershipTrees.skipParens(bound.getLeftOperand()) instanceof IdentifierTree) {
            TreePath condition = new TreePath(loop, bound);
            Element index = trees.getElement(new TreePath(condition, bound.getLeftOperand()));
            Element container = sizeOf(bound.getRightOperand(), condition);
            if (index == null || container == null) {
                return null;
            }
            return releasesOnEveryPath(indexed.getStatement(), new TreePath(loop, indexed.getStatement()),
                    new IndexedElement(container, index)) ? container : null;
        }
        return null;
    }

    /** The collection or array of {@code all.size()} or {@code parts.length}. */
    private Element sizeOf(ExpressionTree bound, TreePath parent) {
        ExpressionTree tree = OwnershipTrees.skipParens(bound);
        if (tree instanceof MethodInvocationTree call && call.getArguments().isEmpty()
                && call.getMethodSelect() instanceof MemberSelectTree select && select.getIdentifier().contentEquals("size")) {
            return containerLocal(select.getExpression(), new TreePath(new TreePath(parent, call), select));
        }
        if (tree instanceof MemberSelectTree select && select.getIdentifier().contentEquals("length")) {
            return containerLocal(select.getExpression(), new TreePath(parent, select));
        }
        return null;
    }

    /** The local collection that {@code all} or {@code map.values()} iterates over. */
    private Element iterated(ExpressionTree expression, TreePath parent) {
        ExpressionTree tree = OwnershipTrees.skipParens(expression);
        if (tree instanceof MethodInvocationTree call && call.getArguments().isEmpty()
                && call.getMethodSelect() instanceof MemberSelectTree select && select.getIdentifier().contentEquals("values")) {
            return containerLocal(select.getExpression(), new TreePath(new TreePath(parent, call), select));
        }
        return containerLocal(tree, parent);
    }

    private Element containerLocal(ExpressionTree expression, TreePath parent) {
        ExpressionTree tree = OwnershipTrees.skipParens(expression);
        if (!(tree instanceof IdentifierTree)) {
            return null;
        }
        TreePath path = new TreePath(parent, tree);
        Element element = trees.getElement(path);
        return element != null && OwnershipTrees.isLocal(element) && annotations.isContainerType(element.asType())
                ? element : null;
    }

    /**
     * Whether a loop body releases the element on every path through it: a statement that releases it
     * comes first, or sits in a {@code finally} block, or the body is a block with such a statement and
     * only declarations or null-guarded releases around it.
     */
    private boolean releasesOnEveryPath(StatementTree body, TreePath path, Object element) {
        if (body instanceof BlockTree block) {
            for (StatementTree statement : block.getStatements()) {
                if (releasesOnEveryPath(statement, new TreePath(path, statement), element)) {
                    return true;
                }
            }
            return false;
        }
        if (body instanceof ExpressionStatementTree statement) {
            return releasesElement(statement.getExpression(), new TreePath(path, statement.getExpression()), element);
        }
        if (body instanceof TryTree attempt && attempt.getFinallyBlock() != null) {
            return releasesOnEveryPath(attempt.getFinallyBlock(), new TreePath(path, attempt.getFinallyBlock()), element)
                    || releasesOnEveryPath(attempt.getBlock(), new TreePath(path, attempt.getBlock()), element);
        }
        if (body instanceof IfTree guard && guard.getElseStatement() == null && isNonNullTest(guard.getCondition(),
                new TreePath(path, guard.getCondition()), element)) {
            // `if (s != null) free(s)`: a null element owes nothing.
            return releasesOnEveryPath(guard.getThenStatement(), new TreePath(path, guard.getThenStatement()), element);
        }
        return false;
    }

    private boolean isNonNullTest(ExpressionTree condition, TreePath path, Object element) {
        ExpressionTree tree = OwnershipTrees.skipParens(condition);
        if (!(tree instanceof BinaryTree test) || test.getKind() != Tree.Kind.NOT_EQUAL_TO) {
            return false;
        }
        TreePath testPath = new TreePath(path.getParentPath(), tree);
        return test.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL
                && isElement(test.getLeftOperand(), testPath, element)
                || test.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL
                && isElement(test.getRightOperand(), testPath, element);
    }

    /** Whether an expression releases the element: passes it to a parameter that takes it, or closes it. */
    private boolean releasesElement(ExpressionTree expression, TreePath path, Object element) {
        ExpressionTree tree = OwnershipTrees.skipParens(expression);
        if (!(tree instanceof MethodInvocationTree call)) {
            return false;
        }
        TreePath callPath = new TreePath(path.getParentPath(), call);
        if (OwnershipTrees.isCloseCall(call)) {
            return isElement(((MemberSelectTree) call.getMethodSelect()).getExpression(),
                    new TreePath(callPath, call.getMethodSelect()), element);
        }
        if (!(trees.getElement(callPath) instanceof ExecutableElement method)) {
            return false;
        }
        OwnershipAnnotations.Signature signature = signatures.of(method);
        for (int i = 0; i < call.getArguments().size(); i++) {
            if (signature.takesArgument(i) && isElement(call.getArguments().get(i), callPath, element)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an expression is the loop's element: its variable, or {@code all.get(i)} / {@code parts[i]}. */
    private boolean isElement(ExpressionTree expression, TreePath parent, Object element) {
        ExpressionTree tree = OwnershipTrees.skipParens(expression);
        TreePath path = new TreePath(parent, tree);
        if (element instanceof IndexedElement indexed) {
            if (tree instanceof ArrayAccessTree access) {
                return isVariable(access.getExpression(), path, indexed.container())
                        && isVariable(access.getIndex(), path, indexed.index());
            }
            return tree instanceof MethodInvocationTree call && call.getArguments().size() == 1
                    && call.getMethodSelect() instanceof MemberSelectTree select && select.getIdentifier().contentEquals("get")
                    && isVariable(select.getExpression(), new TreePath(path, select), indexed.container())
                    && isVariable(call.getArguments().get(0), path, indexed.index());
        }
        return isVariable(tree, parent, element);
    }

    private boolean isVariable(ExpressionTree expression, TreePath parent, Object variable) {
        ExpressionTree tree = OwnershipTrees.skipParens(expression);
        return tree instanceof IdentifierTree && variable.equals(trees.getElement(new TreePath(parent, tree)));
    }

    /** The element {@code container[index]} or {@code container.get(index)} of an indexed loop. */
    private record IndexedElement(Element container, Element index) {
    }

    /** Adds what {@code value} may hold to what the collection holds. */
    static void store(OwnershipState.Builder out, OwnershipState in, Element container, LocalFact value) {
        if (value.sites().isEmpty()) {
            return;
        }
        LocalFact held = in.local(container);
        Set<Site> sites = new HashSet<>(held.sites());
        sites.addAll(value.sites());
        // The collection also holds what is not tracked: no use of it reads a released value.
        out.local(container, new LocalFact(Set.copyOf(sites), true, false, AllocatorIdentity.UNKNOWN));
    }

    /** A release loop or {@code forEach} releases every value the collection holds that still owes. */
    static void releaseAll(OwnershipState.Builder out, OwnershipState in, Element container) {
        for (Site site : in.local(container).sites()) {
            if (in.flagsOf(site).mayBeOwned()) {
                out.flags(site, in.flagsOf(site).without(SiteFlags.OWNED).union(SiteFlags.RELEASED));
            }
        }
    }
}
