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
    // One walk per name: the rules ask about the same few names (Arena, MemorySegment, Thread, ...) at every call.
    private final Map<String, SupertypeNames> byName = new HashMap<>();

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
        // After erasure a declared type is its class: the answer is the class's. A supertype javac could not
        // resolve is skipped, as javac's own subtype test skips it.
        SupertypeNames names = byName.get(qualifiedName);
        if (names == null) {
            names = new SupertypeNames(qualifiedName, false);
            byName.put(qualifiedName, names);
        }
        return names.inHierarchy(element);
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
