package org.allocdiscipline.processor.ownership;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Whether a class or one of its supertypes has a given qualified name, read from the supertypes the
 * class already has rather than by looking the name up. A look-up of a type the compilation lacks (the
 * runtime's {@code Allocator} in code that uses only {@code java.lang.foreign}) makes javac search every
 * module of the JDK, a few milliseconds per compilation; a class whose supertypes do not name the type is
 * certainly not a subtype of it. Every declared supertype is walked, unresolved ones included, so a "no"
 * never hides a subtype. Answers are cached per class; one instance serves one compilation.
 */
final class SupertypeNames {
    private final String qualifiedName;
    private final Map<TypeElement, Boolean> known = new HashMap<>();

    /** @param qualifiedName the name a supertype is tested for, such as {@code org.allocdiscipline.runtime.Allocator} */
    SupertypeNames(String qualifiedName) {
        this.qualifiedName = qualifiedName;
    }

    /**
     * @param type a class or interface
     * @return false when neither it nor any class or interface above it has the name
     */
    boolean mayName(TypeElement type) {
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
            Boolean answer = type == start ? null : known.get(type);
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
        return false;
    }

    private static void push(TypeMirror supertype, Deque<TypeElement> work) {
        if (supertype instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element) {
            work.push(element);
        }
    }
}
