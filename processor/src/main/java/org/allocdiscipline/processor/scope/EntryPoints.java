package org.allocdiscipline.processor.scope;

import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.element.TypeElement;

/**
 * Recognises the methods the JDK 25 launcher can start a program with (JEP 512): a method named
 * {@code main} that returns {@code void}, is not private, is static or an instance method, and
 * takes either nothing or one {@code String[]}.
 */
public final class EntryPoints {
    private EntryPoints() {
    }

    /**
     * Whether a method is a launcher entry point.
     *
     * @param method the method
     * @return true if the JDK 25 launcher accepts it as {@code main}
     */
    public static boolean isEntryPoint(ExecutableElement method) {
        if (method.getKind() != ElementKind.METHOD
                || !method.getSimpleName().contentEquals("main")
                || method.getModifiers().contains(Modifier.PRIVATE)
                || method.getModifiers().contains(Modifier.ABSTRACT)
                || method.getReturnType().getKind() != TypeKind.VOID) {
            return false;
        }
        List<? extends VariableElement> parameters = method.getParameters();
        return parameters.isEmpty() || (parameters.size() == 1 && isStringArray(parameters.get(0).asType()));
    }

    private static boolean isStringArray(TypeMirror type) {
        return type instanceof ArrayType array
                && array.getComponentType() instanceof DeclaredType component
                && component.asElement() instanceof TypeElement element
                && element.getQualifiedName().contentEquals("java.lang.String");
    }
}
