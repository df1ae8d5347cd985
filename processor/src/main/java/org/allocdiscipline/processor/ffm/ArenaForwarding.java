package org.allocdiscipline.processor.ffm;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.HashSet;
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
 * {@code Callback.allocate(fi, arena)}, whose body is {@code Linker.nativeLinker().upcallStub(...,
 * arena)}. Bodies are read by names, not by attribution: a wrapper is usually in another top-level class,
 * which javac has not attributed yet when the caller is checked, or has already lowered into code that
 * no longer reads as written. So each class's methods are read when the class itself is checked, while
 * its trees are whole ({@link #read}), and a class not checked yet is read from its parsed tree. One per
 * compilation.
 */
public final class ArenaForwarding {
    private static final Set<String> ARENA_TYPE_NAMES = Set.of("Arena", "SegmentAllocator");

    private final Trees trees;
    /** For each method read, the names of the parameters it only forwards; none when it forwards none. */
    private final Map<Element, Set<Name>> forwarded = new HashMap<>();

    /**
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
     * @param method a called method
     * @param parameter one of its parameters
     * @return true when the method's source is in this compilation and every use of the parameter in its
     *     body is an argument of a call that gives the arena a process-long job
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

    /** Whether a parameter's type is written as one of the arena types (a name is all a parsed tree has). */
    private static boolean takesArena(MethodTree method) {
        for (VariableTree parameter : method.getParameters()) {
            Tree type = parameter.getType();
            Name name = type instanceof IdentifierTree identifier ? identifier.getName()
                    : type instanceof MemberSelectTree select ? select.getIdentifier() : null;
            if (name != null && ARENA_TYPE_NAMES.contains(name.toString())) {
                return true;
            }
        }
        return false;
    }

    private static Set<Name> forwardedParameters(MethodTree method) {
        Set<Name> result = new HashSet<>();
        for (VariableTree parameter : method.getParameters()) {
            if (onlyForwarded(method, parameter.getName())) {
                result.add(parameter.getName());
            }
        }
        return result;
    }

    private static boolean onlyForwarded(MethodTree method, Name name) {
        int[] forwarded = {0};
        int[] uses = {0};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (ApiModel.isProcessLifetimeArenaCall(calledName(call))) {
                    for (Tree argument : call.getArguments()) {
                        if (argument instanceof IdentifierTree identifier && identifier.getName().contentEquals(name)) {
                            forwarded[0]++;
                        }
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitIdentifier(IdentifierTree identifier, Void unused) {
                if (identifier.getName().contentEquals(name)) {
                    uses[0]++;
                }
                return null;
            }
        }.scan(method.getBody(), null);
        return forwarded[0] > 0 && forwarded[0] == uses[0];
    }

    private static CharSequence calledName(MethodInvocationTree call) {
        return call.getMethodSelect() instanceof MemberSelectTree select ? select.getIdentifier()
                : call.getMethodSelect() instanceof IdentifierTree identifier ? identifier.getName() : "";
    }
}
