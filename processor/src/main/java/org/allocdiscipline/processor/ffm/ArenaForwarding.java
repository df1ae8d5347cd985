package org.allocdiscipline.processor.ffm;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.VariableElement;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Which methods only pass an arena parameter on to a call that gives it a process-long job
 * ({@link ApiModel#isProcessLifetimeArenaCall}): wrappers such as jextract's callback
 * {@code Callback.allocate(fi, arena)}, whose body is the one statement {@code return
 * Linker.nativeLinker().upcallStub(..., arena);}. Bodies are read by names, not by attribution: a wrapper is usually in another top-level class,
 * which javac has not attributed yet when the caller is checked, or has already lowered into code that
 * no longer reads as written. So each class's methods are read when the class itself is checked, while
 * its trees are whole ({@link #read}), and a class not checked yet is read from its parsed tree. One per
 * compilation.
 */
public final class ArenaForwarding {
    private final Trees trees;
    /** For each method read, the names of the parameters it only forwards; none when it forwards none. */
    private final Map<Element, Set<Name>> forwarded = new HashMap<>();

    /**
     * Creates the facts of one compilation, empty until classes are read.
     *
     * @param trees the compiler's tree utilities
     */
    public ArenaForwarding(Trees trees) {
        this.trees = trees;
    }

    /**
     * Reads the methods of a top-level class and its member classes that take an arena, before javac
     * lowers the class.
     *
     * @param classPath path to the class
     */
    public void read(TreePath classPath) {
        for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
            if (member instanceof ClassTree) {
                read(new TreePath(classPath, member));
            } else if (member instanceof MethodTree method && method.getBody() != null && takesArena(method)
                    && trees.getElement(new TreePath(classPath, member)) instanceof ExecutableElement element) {
                forwarded.put(element, forwardedParameters(method));
            }
        }
    }

    /**
     * Whether a method only passes one of its parameters on to a call that gives it a process-long job.
     * A method of a class not checked yet is read from its parsed tree now.
     *
     * @param method a called method
     * @param parameter one of its parameters
     * @return true when the method's source is in this compilation, its body is one statement that calls
     *     {@code upcallStub} or {@code libraryLookup}, and the parameter, an {@code Arena}, is used there only
     *     as one of that call's arguments
     */
    public boolean onlyToProcessLifetimeUse(ExecutableElement method, VariableElement parameter) {
        Set<Name> names = forwarded.get(method);
        if (names == null) {
            names = trees.getTree(method) instanceof MethodTree declaration && declaration.getBody() != null
                    ? forwardedParameters(declaration) : Set.of();
            forwarded.put(method, names);
        }
        return names.contains(parameter.getSimpleName());
    }

    /** Whether a parameter is declared as an {@code Arena}, which upcallStub and libraryLookup take (a name is all a parsed tree has). */
    private static boolean takesArena(MethodTree method) {
        for (VariableTree parameter : method.getParameters()) {
            if (ApiModel.namesArena(parameter.getType())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The arena parameters the method passes on as they are, when its body is one statement that calls
     * {@code upcallStub} or {@code libraryLookup} (with {@code return} or without), as the bindings'
     * wrappers are written: a look at one statement, not a walk of the body, since it is asked of every
     * method that takes an arena.
     */
    private static Set<Name> forwardedParameters(MethodTree method) {
        List<? extends StatementTree> statements = method.getBody().getStatements();
        if (statements.size() != 1) {
            return Set.of();
        }
        ExpressionTree expression = statements.get(0) instanceof ReturnTree ret ? ret.getExpression()
                : statements.get(0) instanceof ExpressionStatementTree statement ? statement.getExpression() : null;
        if (!(expression instanceof MethodInvocationTree call) || !ApiModel.isProcessLifetimeArenaCall(call)) {
            return Set.of();
        }
        Set<Name> result = new HashSet<>();
        for (VariableTree parameter : method.getParameters()) {
            if (ApiModel.namesArena(parameter.getType()) && passedOnlyAsArgument(call, parameter.getName())) {
                result.add(parameter.getName());
            }
        }
        return result;
    }

    /** Whether the call names the parameter only as one of its arguments, as it is. */
    private static boolean passedOnlyAsArgument(MethodInvocationTree call, Name name) {
        int[] uses = {0};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree identifier, Void unused) {
                if (identifier.getName().contentEquals(name)) {
                    uses[0]++;
                }
                return null;
            }
        }.scan(call, null);
        long arguments = call.getArguments().stream()
                .filter(argument -> argument instanceof IdentifierTree identifier && identifier.getName().contentEquals(name))
                .count();
        return arguments > 0 && arguments == uses[0];
    }
}
