package org.allocdiscipline.processor.flow;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.UnionType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.model.JavaBase;

/** Which exceptions a tree can throw, and which exceptions a catch clause accepts. */
final class ThrownTypes {
    private final Trees trees;
    private final Types types;
    private final Elements elements;
    private final boolean unchecked;
    private final Map<TypeElement, List<? extends TypeMirror>> closeThrows = new HashMap<>();
    // java.lang's exception types by name: every graph with an assert or a resource asks again.
    private final Map<String, TypeMirror> javaLang = new HashMap<>();
    // Between two classes, subtyping of the erasures depends on the classes alone; every call,
    // catch clause and exit asks about the same few exception classes.
    private final Map<TypeElement, Map<TypeElement, Boolean>> classSubtypes = new HashMap<>();
    private TypeMirror runtimeException;
    private TypeMirror error;
    private TypeMirror throwable;

    ThrownTypes(Trees trees, Types types, Elements elements, boolean unchecked) {
        this.trees = trees;
        this.types = types;
        this.elements = elements;
        this.unchecked = unchecked;
    }

    List<TypeMirror> ofInvocation(TreePath invocation, TreePath methodSelect) {
        // The select's type is the method type after inference, so `throws X` is instantiated.
        TypeMirror method = trees.getTypeMirror(methodSelect);
        if (method instanceof ExecutableType executable) {
            return relevant(executable.getThrownTypes());
        }
        return ofElement(invocation);
    }

    List<TypeMirror> ofElement(TreePath tree) {
        Element element = trees.getElement(tree);
        return relevant(element instanceof ExecutableElement executable ? executable.getThrownTypes() : List.of());
    }

    List<TypeMirror> ofClose(TypeMirror resource) {
        List<? extends TypeMirror> declared = List.of();
        TypeMirror erased = resource == null ? null : types.erasure(resource);
        if (erased instanceof DeclaredType declaredType && declaredType.asElement() instanceof TypeElement type) {
            declared = closeThrows.computeIfAbsent(type, this::closeThrowsOf);
        } else {
            declared = List.of(javaLang("java.lang.Exception"));
        }
        return relevant(declared);
    }

    /** Only iteration and the like: nothing checked, and the unchecked pair when asked for. */
    List<TypeMirror> ofImplicitCall() {
        return relevant(List.of());
    }

    TypeMirror ofThrow(TreePath expression) {
        TypeMirror thrown = trees.getTypeMirror(expression);
        return usable(thrown) ? thrown : throwable();
    }

    TypeMirror assertionError() {
        return javaLang("java.lang.AssertionError");
    }

    List<TypeMirror> catchTypes(TreePath parameter) {
        Element element = trees.getElement(parameter);
        TypeMirror type = element == null ? trees.getTypeMirror(parameter) : element.asType();
        if (type instanceof UnionType union) {
            return new ArrayList<>(union.getAlternatives());
        }
        return List.of(usable(type) ? type : throwable());
    }

    /** Subtyping on erasures: exception types are never generic, but type variables can be thrown. */
    boolean isSubtype(TypeMirror sub, TypeMirror sup) {
        if (!usable(sub) || !usable(sup)) {
            return false;
        }
        if (sub.getKind() == TypeKind.DECLARED && sup.getKind() == TypeKind.DECLARED
                && ((DeclaredType) sub).asElement() instanceof TypeElement subClass
                && ((DeclaredType) sup).asElement() instanceof TypeElement superClass) {
            Map<TypeElement, Boolean> known = classSubtypes.computeIfAbsent(subClass, k -> new HashMap<>());
            Boolean answer = known.get(superClass);
            if (answer == null) {
                answer = types.isSubtype(types.erasure(sub), types.erasure(sup));
                known.put(superClass, answer);
            }
            return answer;
        }
        return types.isSubtype(types.erasure(sub), types.erasure(sup));
    }

    boolean isSameType(TypeMirror a, TypeMirror b) {
        return a == b || (usable(a) && usable(b) && types.isSameType(a, b));
    }

    TypeMirror throwable() {
        if (throwable == null) {
            throwable = javaLang("java.lang.Throwable");
        }
        return throwable;
    }

    private List<TypeMirror> relevant(List<? extends TypeMirror> declared) {
        List<TypeMirror> result = new ArrayList<>(declared.size() + 2);
        for (TypeMirror type : declared) {
            if (unchecked || !isUnchecked(type)) {
                result.add(usable(type) ? type : throwable());
            }
        }
        if (unchecked) {
            result.add(runtimeException());
            result.add(error());
        }
        return result;
    }

    private boolean isUnchecked(TypeMirror type) {
        return isSubtype(type, runtimeException()) || isSubtype(type, error());
    }

    private List<? extends TypeMirror> closeThrowsOf(TypeElement type) {
        // A close() the class declares itself is the most specific one: its own members answer, where
        // getAllMembers makes javac build the scope of every inherited member (Arena inherits dozens of
        // SegmentAllocator's), once per compilation and resource type.
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD
                    && ApiModel.isClose(member.getSimpleName(), ((ExecutableElement) member).getParameters().size())) {
                return ((ExecutableElement) member).getThrownTypes();
            }
        }
        ExecutableElement found = null;
        for (Element member : elements.getAllMembers(type)) {
            if (member.getKind() == ElementKind.METHOD
                    && ApiModel.isClose(member.getSimpleName(), ((ExecutableElement) member).getParameters().size())) {
                ExecutableElement candidate = (ExecutableElement) member;
                // Prefer the most specific declaration: an override may narrow the throws clause.
                if (found == null || candidate.getEnclosingElement().equals(type)
                        || candidate.getThrownTypes().size() < found.getThrownTypes().size()) {
                    found = candidate;
                }
            }
        }
        return found == null ? List.of(javaLang("java.lang.Exception")) : found.getThrownTypes();
    }

    private TypeMirror runtimeException() {
        if (runtimeException == null) {
            runtimeException = javaLang("java.lang.RuntimeException");
        }
        return runtimeException;
    }

    private TypeMirror error() {
        if (error == null) {
            error = javaLang("java.lang.Error");
        }
        return error;
    }

    private TypeMirror javaLang(String name) {
        return javaLang.computeIfAbsent(name, n -> {
            TypeElement element = JavaBase.type(elements, n);
            return element == null ? types.getNoType(TypeKind.NONE) : element.asType();
        });
    }

    private static boolean usable(TypeMirror type) {
        return type != null && (type.getKind() == TypeKind.DECLARED || type.getKind() == TypeKind.TYPEVAR
                || type.getKind() == TypeKind.INTERSECTION);
    }
}
