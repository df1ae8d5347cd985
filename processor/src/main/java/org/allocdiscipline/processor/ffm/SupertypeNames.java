package org.allocdiscipline.processor.ffm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Whether a class or one of its supertypes has a given qualified name, read from the supertypes the
 * class already has rather than by looking the name up. A look-up makes javac resolve the name (and read
 * the class, when the code never used it), and a look-up of a type the compilation lacks (the runtime's
 * {@code Allocator} in code that uses only {@code java.lang.foreign}) makes it search every module of the
 * JDK. Answers are cached per class; one instance serves one name in one compilation.
 */
public final class SupertypeNames {
    private final String qualifiedName;
    private final boolean throughUnresolved;
    private final Map<TypeElement, Boolean> known = new HashMap<>();

    /**
     * Creates the test of one name.
     *
     * @param qualifiedName the name a supertype is tested for, such as {@code java.lang.foreign.Arena}
     * @param throughUnresolved whether supertypes javac could not resolve are walked too: then a "no" never
     *     hides a subtype (a test that may say yes too often); without, they are skipped as javac's own
     *     subtype test skips them
     */
    public SupertypeNames(String qualifiedName, boolean throughUnresolved) {
        this.qualifiedName = qualifiedName;
        this.throughUnresolved = throughUnresolved;
    }

    /**
     * Whether the class is the named one or has it above it.
     *
     * @param type a class or interface
     * @return whether it or a class or interface above it has the name
     */
    public boolean inHierarchy(TypeElement type) {
        Boolean answer = known.get(type);
        if (answer == null) {
            answer = walk(type);
            known.put(type, answer);
        }
        return answer;
    }

    // Iterative with a visited set: erroneous code can declare a cycle of supertypes.
    private boolean walk(TypeElement start) {
        Set<TypeElement> seen = new HashSet<>();
        Deque<TypeElement> work = new ArrayDeque<>();
        work.push(start);
        while (!work.isEmpty()) {
            TypeElement type = work.pop();
            if (!seen.add(type)) {
                continue;
            }
            Boolean answer = known.get(type);
            if (Boolean.TRUE.equals(answer) || type.getQualifiedName().contentEquals(qualifiedName)) {
                return true;
            }
            if (answer != null) {
                continue;
            }
            push(type.getSuperclass(), work);
            for (TypeMirror face : type.getInterfaces()) {
                push(face, work);
            }
        }
        // Nothing above the class has the name, so nothing above any class on the way has it either: the
        // many classes that share the JDK's common supertypes are answered once.
        for (TypeElement type : seen) {
            known.put(type, false);
        }
        return false;
    }

    private void push(TypeMirror supertype, Deque<TypeElement> work) {
        if (supertype instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
                && (throughUnresolved || supertype.getKind() == TypeKind.DECLARED)) {
            work.push(element);
        }
    }
}
