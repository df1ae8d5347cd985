package org.allocdiscipline.processor.ffm;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Subtype tests against JDK types named by {@link org.allocdiscipline.processor.model.ApiModel}, answered by
 * the names of the tested type's own supertypes. No named type is looked up: finding a type by its name
 * makes javac resolve the name (and read the class, when the code never used it) once per name and
 * compilation, which was about a twentieth of the checker's work on a small FFM library. A type the
 * compilation cannot see is no supertype of anything in it, so every test against it is false.
 */
public final class ForeignTypes {
    private final Map<String, Map<Element, Boolean>> answers = new HashMap<>();

    /** Creates the tests of one compilation (its answers hold the compilation's elements). */
    public ForeignTypes() {
    }

    /**
     * Whether a type is the named type or a subtype of it, after erasure.
     *
     * @param type a type, or null
     * @param qualifiedName such as {@code java.lang.foreign.Arena}
     * @return false for null, primitives and types the compilation does not know
     */
    public boolean isA(TypeMirror type, String qualifiedName) {
        if (type == null || type.getKind() != TypeKind.DECLARED
                || !(((DeclaredType) type).asElement() instanceof TypeElement element)) {
            return false;
        }
        // After erasure a declared type is its class: the answer is the class's, and the rules ask about the
        // same few classes (Arena, MemorySegment, Thread, ...) at every call.
        Map<Element, Boolean> known = answers.get(qualifiedName);
        if (known == null) {
            known = new HashMap<>();
            answers.put(qualifiedName, known);
        }
        return isA(element, qualifiedName, known);
    }

    /**
     * The class, or one of its superclasses and interfaces, has the name. A supertype that javac could not
     * resolve is skipped, as javac's own subtype test skips it.
     */
    private static boolean isA(TypeElement type, String qualifiedName, Map<Element, Boolean> known) {
        Boolean answer = known.get(type);
        if (answer != null) {
            return answer;
        }
        // Provisional, for a cyclic hierarchy in code that does not compile.
        known.put(type, false);
        boolean found = type.getQualifiedName().contentEquals(qualifiedName)
                || supertypeIsA(type.getSuperclass(), qualifiedName, known);
        for (TypeMirror implemented : type.getInterfaces()) {
            if (found) {
                break;
            }
            found = supertypeIsA(implemented, qualifiedName, known);
        }
        known.put(type, found);
        return found;
    }

    private static boolean supertypeIsA(TypeMirror supertype, String qualifiedName, Map<Element, Boolean> known) {
        return supertype.getKind() == TypeKind.DECLARED
                && ((DeclaredType) supertype).asElement() instanceof TypeElement element
                && isA(element, qualifiedName, known);
    }

    /**
     * The test "the class that declares this member is (a subtype of) the named type".
     *
     * @param member a method or constructor
     * @return the test, for the role queries of {@code ApiModel}
     */
    public Predicate<String> ownerIsA(ExecutableElement member) {
        Element owner = member.getEnclosingElement();
        return name -> owner != null && isA(owner.asType(), name);
    }
}
