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
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.allocdiscipline.processor.model.JavaBase;

/**
 * Subtype tests against JDK types named by {@link org.allocdiscipline.processor.model.ApiModel}, with the
 * named types looked up once per compilation. A type that the compilation cannot see makes every test
 * against it false.
 */
public final class ForeignTypes {
    private final Types types;
    private final Elements elements;
    private final Map<String, TypeMirror> named = new HashMap<>();
    private final Map<String, Map<Element, Boolean>> answers = new HashMap<>();

    /**
     * Creates the tests of one compilation.
     *
     * @param types the compiler's type utilities
     * @param elements the compiler's element utilities
     */
    public ForeignTypes(Types types, Elements elements) {
        this.types = types;
        this.elements = elements;
    }

    /**
     * Whether a type is the named type or a subtype of it, after erasure.
     *
     * @param type a type, or null
     * @param qualifiedName such as {@code java.lang.foreign.Arena}
     * @return false for null, primitives and types the compilation does not know
     */
    public boolean isA(TypeMirror type, String qualifiedName) {
        if (type == null || type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        // After erasure a declared type is its class: the answer is the class's, and the rules ask about the
        // same few classes (Arena, MemorySegment, Thread, ...) at every call.
        Map<Element, Boolean> known = answers.computeIfAbsent(qualifiedName, name -> new HashMap<>());
        Element element = ((DeclaredType) type).asElement();
        Boolean answer = known.get(element);
        if (answer == null) {
            TypeMirror target = named.computeIfAbsent(qualifiedName, name -> {
                TypeElement found = lookUp(name);
                return found == null ? types.getNoType(TypeKind.NONE) : types.erasure(found.asType());
            });
            answer = target.getKind() == TypeKind.DECLARED && types.isSubtype(types.erasure(type), target);
            known.put(element, answer);
        }
        return answer;
    }

    /**
     * Every type the tests name is in {@code java.base} ({@link JavaBase}): no search through every module
     * of the JDK, which for a type the release lacks ({@code java.lang.foreign} under {@code --release 17})
     * costs a few milliseconds per compilation.
     */
    private TypeElement lookUp(String name) {
        return JavaBase.type(elements, name);
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
