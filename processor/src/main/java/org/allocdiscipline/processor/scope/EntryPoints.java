package org.allocdiscipline.processor.scope;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.element.TypeElement;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Recognises the code that someone else starts, and that therefore chooses its allocators: the
 * methods the JDK 25 launcher can start a program with (JEP 512): a method named {@code main} that
 * returns {@code void}, is not private, is static or an instance method, and takes either nothing or
 * one {@code String[]}; and the code a test framework runs (test roots):
 * <ul>
 *   <li>a method directly annotated with one of {@link ApiModel#TEST_METHOD_ANNOTATIONS} (test and
 *       lifecycle methods of JUnit 5, JUnit 4, TestNG and jqwik);</li>
 *   <li>a class directly annotated with TestNG's {@code @Test}, which makes its public methods tests;</li>
 *   <li>the field initializers and initializer blocks of a class that directly declares a test or
 *       lifecycle method, which the framework runs when it makes the test instance.</li>
 * </ul>
 * Other methods of a test class, its helpers, are not roots: they take an allocator from the test
 * that calls them.
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

    /**
     * Whether a method is a test or lifecycle method of a test framework.
     *
     * @param method the method
     * @return true if it is directly annotated with one of {@link ApiModel#TEST_METHOD_ANNOTATIONS}
     */
    public static boolean isTestMethod(ExecutableElement method) {
        return method.getKind() == ElementKind.METHOD && ApiModel.hasAny(method, ApiModel.TEST_METHOD_ANNOTATIONS);
    }

    /**
     * Whether a class is a TestNG test class by its own annotation: {@code @Test} on the class.
     *
     * @param type the class
     * @return true if it is directly annotated with TestNG's {@code @Test}
     */
    public static boolean isTestClass(TypeElement type) {
        return ApiModel.has(type, ApiModel.TESTNG_TEST);
    }

    /**
     * Whether a class directly declares a test or lifecycle method, so that the framework makes its
     * instances and runs its initializers.
     *
     * @param type the class
     * @return true if one of its own methods is a {@linkplain #isTestMethod test method}
     */
    public static boolean declaresTestMethod(TypeElement type) {
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof ExecutableElement method && isTestMethod(method)) {
                return true;
            }
        }
        return false;
    }
}
