package org.allocdiscipline.processor.model;

import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;

/**
 * The allocator API as the checker knows it: the qualified names of the types and annotations it
 * recognises and the part each plays in ownership. The processor recognises them by name instead of
 * linking against the runtime, so users need only the processor on the processor path.
 *
 * <p>The roles:
 * <ul>
 *   <li>what allocates: a method whose result is {@link #OWNED @Owned}, and {@code new} of a class
 *       that is {@code @Owned} or has an {@code @Owned} supertype;</li>
 *   <li>what releases: {@link #isFree free(value)} on an {@link #ALLOCATOR allocator},
 *       {@link #isClose close()} on the owner, and an argument handed to an {@code @Owned} parameter;</li>
 *   <li>what is a region: a type that is {@link #REGION @Region} or has such a supertype; closing it
 *       releases everything allocated from it;</li>
 *   <li>which allocators are global: the constants in {@link #GLOBAL_ALLOCATORS};</li>
 *   <li>which test-framework annotations make a method a composition root: {@link #TEST_METHOD_ANNOTATIONS}
 *       (and {@link #TESTNG_TEST} on a class).</li>
 * </ul>
 * Another API (the JDK's {@code Arena}, say) joins by adding its names here and its roles to the tests
 * below.
 */
public final class ApiModel {
    /** The allocator interface: its {@code free(value)} releases a value it allocated. */
    public static final String ALLOCATOR = "org.allocdiscipline.Allocator";
    /** The page allocator, whose constants are the global allocators. */
    public static final String PAGE_ALLOCATOR = "org.allocdiscipline.PageAllocator";
    /** Marks a result, parameter or field as owning the value, or a class whose instances are owned. */
    public static final String OWNED = "org.allocdiscipline.Owned";
    /** Marks a region allocator: closing it frees all it allocated. */
    public static final String REGION = "org.allocdiscipline.Region";
    /** Marks a composition root, which may choose a concrete allocator. */
    public static final String CHOOSES_ALLOCATOR = "org.allocdiscipline.ChoosesAllocator";

    /** TestNG's {@code @Test}: on a class it makes every public method a test, so the class is a test root. */
    public static final String TESTNG_TEST = "org.testng.annotations.Test";

    /**
     * The annotations of test frameworks that mark a test or lifecycle method, which the framework
     * calls and which therefore chooses its allocators like {@code main}: JUnit 5 (Jupiter and its
     * parameterized tests), JUnit 4, TestNG and jqwik. Recognised by name; none of them needs to be on
     * the processor's class path.
     */
    public static final Set<String> TEST_METHOD_ANNOTATIONS = Set.of(
            "org.junit.jupiter.api.Test", "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.TestTemplate", "org.junit.jupiter.params.ParameterizedTest",
            "org.junit.jupiter.api.BeforeEach", "org.junit.jupiter.api.AfterEach",
            "org.junit.jupiter.api.BeforeAll", "org.junit.jupiter.api.AfterAll",
            "org.junit.Test", "org.junit.Before", "org.junit.After", "org.junit.BeforeClass", "org.junit.AfterClass",
            TESTNG_TEST, "org.testng.annotations.BeforeMethod", "org.testng.annotations.AfterMethod",
            "org.testng.annotations.BeforeClass", "org.testng.annotations.AfterClass",
            "org.testng.annotations.BeforeSuite", "org.testng.annotations.AfterSuite",
            "org.testng.annotations.BeforeTest", "org.testng.annotations.AfterTest",
            "net.jqwik.api.Property", "net.jqwik.api.Example");

    /**
     * The global allocators: for each class that declares some, the names of its public static
     * constants of its own type that are one.
     */
    public static final Map<String, Set<String>> GLOBAL_ALLOCATORS =
            Map.of(PAGE_ALLOCATOR, Set.of("INSTANCE", "THREAD_CONFINED", "UNCHECKED"));

    /**
     * The simple names of all global allocators. A name only picks candidates, which
     * {@link #isGlobalAllocator} then decides on; asking javac for {@code PageAllocator}'s members
     * instead made it load the class into every compilation, which took up to a millisecond.
     */
    public static final Set<String> GLOBAL_ALLOCATOR_NAMES = GLOBAL_ALLOCATORS.get(PAGE_ALLOCATOR);

    private static final String FREE = "free";
    private static final String CLOSE = "close";

    private ApiModel() {
    }

    /**
     * Whether an element is a global allocator.
     *
     * @param element the element a name refers to, or null
     * @return true for {@code PageAllocator.INSTANCE} and its sibling modes
     */
    public static boolean isGlobalAllocator(Element element) {
        if (element == null || element.getKind() != ElementKind.FIELD
                || !element.getModifiers().contains(Modifier.STATIC)
                || !element.getModifiers().contains(Modifier.PUBLIC)
                || !(element.getEnclosingElement() instanceof TypeElement owner)) {
            return false;
        }
        Set<String> names = GLOBAL_ALLOCATORS.get(owner.getQualifiedName().toString());
        return names != null && names.contains(element.getSimpleName().toString())
                && element.asType() instanceof DeclaredType declared && declared.asElement().equals(owner);
    }

    /**
     * Whether an element is directly annotated with an annotation, by the annotation's qualified name.
     *
     * @param element the annotated element
     * @param annotationName the qualified name, such as {@link #OWNED}
     * @return true if present
     */
    public static boolean has(Element element, String annotationName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element type = mirror.getAnnotationType().asElement();
            if (type instanceof TypeElement typeElement && typeElement.getQualifiedName().contentEquals(annotationName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an element is directly annotated with any of some annotations, by qualified name.
     *
     * @param element the annotated element
     * @param annotationNames the qualified names, such as {@link #TEST_METHOD_ANNOTATIONS}
     * @return true if one of them is present
     */
    public static boolean hasAny(Element element, Set<String> annotationNames) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element type = mirror.getAnnotationType().asElement();
            if (type instanceof TypeElement typeElement
                    && annotationNames.contains(typeElement.getQualifiedName().toString())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a method, a call or a declaration by this name and number of parameters (or arguments) is
     * {@code close()}, the release of the object it is called on.
     *
     * @param name the method's name
     * @param parameters how many parameters it declares, or arguments the call passes
     * @return true for {@code close} without parameters
     */
    public static boolean isClose(CharSequence name, int parameters) {
        return parameters == 0 && CLOSE.contentEquals(name);
    }

    /**
     * Whether a method is an allocator's {@code free}: a void method named {@code free} that takes one
     * value. Whether its class is an allocator the caller decides (that needs the compilation's types).
     *
     * @param method the called method
     * @return true for {@code free(value)}
     */
    public static boolean isFree(ExecutableElement method) {
        return method.getSimpleName().contentEquals(FREE) && method.getParameters().size() == 1
                && method.getReturnType().getKind() == TypeKind.VOID;
    }
}
