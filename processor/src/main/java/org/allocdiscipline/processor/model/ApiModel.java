package org.allocdiscipline.processor.model;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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
 * Another API joins by adding its names here and its roles to the tests below, as the JDK's
 * {@code java.lang.foreign} has: {@link #ARENA Arena}'s factories ({@link #arenaKind}), what allocates from
 * an arena ({@link #isSegmentAllocation}), which views share a segment's lifetime ({@link #isSegmentView}),
 * which calls bind a segment to an arena argument ({@link #arenaParameter}), which arenas live for the process
 * ({@link #isProcessLifetimeArenaUse}), and which calls run code on another thread ({@link #runsOnAnotherThread}) or in parallel
 * ({@link #isParallelStream}); and where the allocators meet it: an allocator's {@code SegmentAllocator} view
 * ({@link #isSegmentAllocatorView}).
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
     * The test-framework methods that expect the code they are given to throw (JUnit 5 and 4,
     * TestNG, AssertJ), by simple name; a method counts only when its class is in one of
     * {@link #EXPECTS_THROW_PACKAGES}. A value that such code would return does not exist when the
     * test passes.
     */
    public static final Set<String> EXPECTS_THROW_METHODS = Set.of("assertThrows", "assertThrowsExactly",
            "expectThrows", "assertThatThrownBy", "thenThrownBy", "catchThrowable", "catchThrowableOfType",
            "catchException", "isThrownBy");

    /** The packages (and their subpackages) of the frameworks whose {@link #EXPECTS_THROW_METHODS} count. */
    public static final Set<String> EXPECTS_THROW_PACKAGES = Set.of("org.junit", "org.testng", "org.assertj");

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

    /** The JDK's arena: a region of native memory, closed by {@code close()} unless it lives for the process. */
    public static final String ARENA = "java.lang.foreign.Arena";
    /** The JDK's allocator interface, which {@code Arena} extends. */
    public static final String SEGMENT_ALLOCATOR = "java.lang.foreign.SegmentAllocator";
    /** The JDK's segment type. */
    public static final String MEMORY_SEGMENT = "java.lang.foreign.MemorySegment";
    private static final String SYMBOL_LOOKUP = "java.lang.foreign.SymbolLookup";
    private static final String LINKER = "java.lang.foreign.Linker";
    private static final String UPCALL_STUB = "upcallStub";
    private static final String ARENA_SIMPLE_NAME = "Arena";
    private static final String SEGMENT_ALLOCATOR_SIMPLE_NAME = "SegmentAllocator";
    private static final String LIBRARY_LOOKUP = "libraryLookup";
    private static final String CLEANER = "java.lang.ref.Cleaner";
    private static final String SCOPE = "java.lang.foreign.MemorySegment.Scope";
    private static final String ATOMIC_PACKAGE = "java.util.concurrent.atomic.";
    private static final String VAR_HANDLE = "java.lang.invoke.VarHandle";
    private static final Set<String> ATOMIC_COUNT_UPDATES = Set.of("decrementAndGet", "getAndDecrement",
            "compareAndSet", "getAndAdd", "addAndGet", "updateAndGet", "getAndUpdate", "accumulateAndGet",
            "getAndAccumulate");

    /**
     * The annotations that mark generated code (jextract's bindings, for one), recognised by name: code a
     * tool wrote chooses no policy of its author's.
     */
    public static final Set<String> GENERATED = Set.of("javax.annotation.processing.Generated",
            "javax.annotation.Generated");

    /** The lifetimes {@code Arena}'s static factories give. */
    public enum ArenaKind {
        /** {@code Arena.ofConfined()}: owned, closed by its owner, usable only by the thread that made it. */
        CONFINED,
        /** {@code Arena.ofShared()}: owned, closed by its owner, usable by any thread. */
        SHARED,
        /** {@code Arena.ofAuto()}: freed by the garbage collector; {@code close()} throws. */
        AUTO,
        /** {@code Arena.global()}: never freed; {@code close()} throws. */
        GLOBAL;

        /**
         * Whether its owner must close it.
         *
         * @return true for confined and shared arenas
         */
        public boolean owned() {
            return this == CONFINED || this == SHARED;
        }

        /**
         * Whether it chooses a lifetime its callers cannot see or end.
         *
         * @return true for automatic and global arenas
         */
        public boolean hidesPolicy() {
            return !owned();
        }
    }

    private static final Map<String, ArenaKind> ARENA_FACTORIES = Map.of("ofConfined", ArenaKind.CONFINED,
            "ofShared", ArenaKind.SHARED, "ofAuto", ArenaKind.AUTO, "global", ArenaKind.GLOBAL);

    /**
     * The simple names of the methods that may make an arena that hides its policy ({@code Arena.ofAuto()},
     * {@code Arena.global()}); like {@link #GLOBAL_ALLOCATOR_NAMES} they only pick candidates.
     */
    public static final Set<String> HIDDEN_ARENA_FACTORY_NAMES = Set.of("ofAuto", "global");
    /** The simple name of the factory of confined arenas, {@code Arena.ofConfined()}; it only picks candidates. */
    public static final String CONFINED_FACTORY_NAME = "ofConfined";

    private static final String ALLOCATE = "allocate";
    private static final Set<String> SEGMENT_VIEWS = Set.of("asSlice", "asReadOnly");
    private static final String REINTERPRET = "reinterpret";

    private static final String EXECUTOR = "java.util.concurrent.Executor";
    private static final Set<String> EXECUTOR_HOPS = Set.of("execute", "submit", "invokeAll", "invokeAny",
            "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay");
    private static final String THREAD = "java.lang.Thread";
    private static final String THREAD_BUILDER = "java.lang.Thread.Builder";
    private static final Set<String> THREAD_BUILDER_HOPS = Set.of("start", "unstarted");
    private static final String THREAD_FACTORY = "java.util.concurrent.ThreadFactory";
    private static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
    private static final String ASYNC_SUFFIX = "Async";
    /** The JDK's collections: with {@link #MAP}, the containers that can hold owned values (and arrays). */
    public static final String COLLECTION = "java.util.Collection";
    /** The JDK's maps, containers as {@link #COLLECTION}. */
    public static final String MAP = "java.util.Map";
    private static final String BASE_STREAM = "java.util.stream.BaseStream";

    private static final String SEGMENT_ALLOCATOR_VIEW = "asSegmentAllocator";
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

    /**
     * Whether a method is {@code Cleaner.register(object, action)}: the action runs once the object is
     * unreachable, so an arena it closes is handed over to it.
     *
     * @param method the called method
     * @return true for {@code register}
     */
    public static boolean isCleanerRegistration(ExecutableElement method) {
        return method.getSimpleName().contentEquals("register") && method.getParameters().size() == 2
                && isDeclaredIn(method, CLEANER);
    }

    /**
     * Whether a method or a call by this name and number of parameters (or arguments) is an allocator's
     * {@code asSegmentAllocator()}: a view of the allocator as the JDK's {@code SegmentAllocator}, whose every
     * {@code allocate...} is the allocator's {@code alloc}. Whether its class is an allocator the caller
     * decides (that needs the compilation's types).
     *
     * @param name the method's name
     * @param parameters how many parameters it declares, or arguments the call passes
     * @return true for {@code asSegmentAllocator} without parameters
     */
    public static boolean isSegmentAllocatorView(CharSequence name, int parameters) {
        return parameters == 0 && SEGMENT_ALLOCATOR_VIEW.contentEquals(name);
    }

    /**
     * Whether a method is named and shaped as an allocator's {@code asSegmentAllocator()}; see
     * {@link #isSegmentAllocatorView(CharSequence, int)}. The name is tested first: javac makes a
     * class-file method's parameters only when asked for them.
     *
     * @param method the method
     * @return true for {@code asSegmentAllocator} without parameters
     */
    public static boolean isSegmentAllocatorView(ExecutableElement method) {
        return SEGMENT_ALLOCATOR_VIEW.contentEquals(method.getSimpleName()) && method.getParameters().isEmpty();
    }

    /**
     * Which arena a static factory of {@code Arena} makes.
     *
     * @param method a called method
     * @return the kind for {@code Arena.ofConfined()}, {@code ofShared()}, {@code ofAuto()} and {@code global()};
     *     null for any other method
     */
    public static ArenaKind arenaKind(ExecutableElement method) {
        if (!method.getModifiers().contains(Modifier.STATIC) || !method.getParameters().isEmpty()
                || !isDeclaredIn(method, ARENA)) {
            return null;
        }
        return ARENA_FACTORIES.get(method.getSimpleName().toString());
    }

    /**
     * Whether a method, by its name, allocates a segment from the allocator it is called on:
     * {@code allocate}, {@code allocateFrom} and the rest of {@code SegmentAllocator}'s {@code allocate...}
     * methods. Whether its class is a {@code SegmentAllocator} the caller decides (that needs the types).
     *
     * @param method the called method
     * @return true for an instance method whose name starts with {@code allocate}
     */
    public static boolean isSegmentAllocation(ExecutableElement method) {
        return !method.getModifiers().contains(Modifier.STATIC)
                && method.getSimpleName().toString().startsWith(ALLOCATE);
    }

    /**
     * Whether a call on a value may hand that value on, by the call's name alone: {@code close()}
     * releases it, a segment view ({@code asSlice}, {@code asReadOnly}, {@code reinterpret}) or an
     * allocator's {@code asSegmentAllocator()} holds what it holds. Any other call on a value leaves
     * the value where it was: the receiver of {@code arena.allocate(n)} or {@code segment.get(...)} is
     * not released by that call.
     *
     * @param name       the called method's name
     * @param parameters how many arguments the call passes
     * @return false for a call that certainly neither releases its receiver nor returns a view of it
     */
    public static boolean mayHandOnReceiver(CharSequence name, int parameters) {
        String called = name.toString();
        return isClose(called, parameters) || isSegmentAllocatorView(called, parameters)
                || SEGMENT_VIEWS.contains(called) || called.equals(REINTERPRET);
    }

    /**
     * Whether a method of {@code MemorySegment} returns a view of the segment it is called on, which lives
     * as long as that segment: {@code asSlice(...)}, {@code asReadOnly()} and {@code reinterpret(size)}.
     *
     * @param method the called method
     * @return true for those views
     */
    public static boolean isSegmentView(ExecutableElement method) {
        if (method.getModifiers().contains(Modifier.STATIC) || !isDeclaredIn(method, MEMORY_SEGMENT)) {
            return false;
        }
        String name = method.getSimpleName().toString();
        return SEGMENT_VIEWS.contains(name) || name.equals(REINTERPRET) && method.getParameters().size() == 1;
    }

    /**
     * The position of the arena argument whose lifetime a segment the method returns takes:
     * {@code segment.reinterpret(size, arena, cleanup)}, {@code segment.reinterpret(arena, cleanup)},
     * {@code linker.upcallStub(target, descriptor, arena, options...)}.
     *
     * @param method the called method
     * @return the parameter's index, or -1 when the method binds no segment to an arena
     */
    public static int arenaParameter(ExecutableElement method) {
        if (!(isDeclaredIn(method, MEMORY_SEGMENT) || isDeclaredIn(method, LINKER))
                || !isNamed(method.getReturnType(), MEMORY_SEGMENT)) {
            return -1;
        }
        for (int i = 0; i < method.getParameters().size(); i++) {
            if (isNamed(method.getParameters().get(i).asType(), ARENA)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether an arena argument of a method is one whose job is to live as long as the process, or to
     * which the method allocates nothing: the arena of {@code SymbolLookup.libraryLookup} and of any
     * method that returns a {@code SymbolLookup} (the library stays loaded while it is alive; a helper
     * that chains lookups passes it on), of {@code Linker.upcallStub} and of any method by that name (the
     * stub must outlive every native caller; bindings wrap the linker's method in one of the same name,
     * often in another class, whose body is not read) and of {@code MemorySegment.reinterpret} (it
     * attaches memory that already exists).
     *
     * @param method the called method
     * @return true for those methods
     */
    public static boolean isProcessLifetimeArenaUse(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        return isNamed(method.getReturnType(), SYMBOL_LOOKUP)
                || name.equals(UPCALL_STUB)
                || isDeclaredIn(method, MEMORY_SEGMENT) && name.equals(REINTERPRET);
    }

    /**
     * Whether a method is {@code MemorySegment.Scope.isAlive()}: called on an arena's {@code scope()}, it
     * is false exactly when the arena is closed.
     *
     * @param method the called method
     * @return true for {@code isAlive()} of a scope
     */
    public static boolean isScopeAliveTest(ExecutableElement method) {
        return method.getSimpleName().contentEquals("isAlive") && method.getParameters().isEmpty()
                && isDeclaredIn(method, SCOPE);
    }

    /**
     * Whether a method is {@code scope()} without parameters, the arena's or segment's lifetime.
     *
     * @param method the called method
     * @return true for {@code scope()}
     */
    public static boolean isScopeAccessor(ExecutableElement method) {
        return method.getSimpleName().contentEquals("scope") && method.getParameters().isEmpty();
    }

    /**
     * Whether a method updates a count atomically, as a reference count's release does: the decrements,
     * additions, updates and compare-and-set operations of {@code java.util.concurrent.atomic}'s classes
     * and of {@code VarHandle}.
     *
     * @param method the called method
     * @return true for those methods
     */
    public static boolean isAtomicCountUpdate(ExecutableElement method) {
        if (!(method.getEnclosingElement() instanceof TypeElement owner)) {
            return false;
        }
        String name = method.getSimpleName().toString();
        boolean atomic = owner.getQualifiedName().toString().startsWith(ATOMIC_PACKAGE)
                || owner.getQualifiedName().contentEquals(VAR_HANDLE);
        return atomic && (ATOMIC_COUNT_UPDATES.contains(name) || name.startsWith("weakCompareAndSet")
                || name.startsWith("compareAndExchange"));
    }

    /**
     * Whether a call, by its name alone, gives its arena argument a process-long job whatever its class:
     * the linker's {@code upcallStub} and {@code SymbolLookup.libraryLookup}, as bindings call them from
     * their own wrappers.
     *
     * @param call a call, attributed or only parsed
     * @return true for calls by those names
     */
    public static boolean isProcessLifetimeArenaCall(MethodInvocationTree call) {
        CharSequence name = simpleName(call.getMethodSelect());
        return UPCALL_STUB.contentEquals(name) || LIBRARY_LOOKUP.contentEquals(name);
    }

    /**
     * Whether a type, as written in a declaration, names {@code Arena} or {@code SegmentAllocator}: the
     * test a parsed tree allows before javac attributes it, and a cheap one before asking for the type.
     *
     * @param type the type tree of a variable or parameter
     * @return true for those simple or qualified names
     */
    public static boolean namesAllocatingType(Tree type) {
        CharSequence name = simpleName(type);
        return ARENA_SIMPLE_NAME.contentEquals(name) || SEGMENT_ALLOCATOR_SIMPLE_NAME.contentEquals(name);
    }

    /**
     * Whether a type, as written in a declaration, names {@code Arena}: what a parameter must be declared
     * as to be passed on to {@code upcallStub} or {@code libraryLookup}.
     *
     * @param type the type tree of a variable or parameter
     * @return true for {@code Arena}, simple or qualified
     */
    public static boolean namesArena(Tree type) {
        return ARENA_SIMPLE_NAME.contentEquals(simpleName(type));
    }

    /** The name a type or a method select ends in, simple or qualified; empty for any other tree. */
    private static CharSequence simpleName(Tree named) {
        return named instanceof IdentifierTree identifier ? identifier.getName()
                : named instanceof MemberSelectTree select ? select.getIdentifier() : "";
    }

    private static boolean isDeclaredIn(Element member, String typeName) {
        return member.getEnclosingElement() instanceof TypeElement owner
                && owner.getQualifiedName().contentEquals(typeName);
    }

    private static boolean isNamed(javax.lang.model.type.TypeMirror type, String typeName) {
        return type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
                && element.getQualifiedName().contentEquals(typeName);
    }

    /**
     * Whether the code a method or constructor is given (a lambda, a method reference, an object) runs on
     * another thread: {@code Executor.execute} and {@code ExecutorService}'s {@code submit},
     * {@code invokeAll}, {@code invokeAny} (and the scheduling methods), {@code new Thread(...)},
     * {@code Thread.startVirtualThread}, a thread builder's {@code start}/{@code unstarted},
     * {@code ThreadFactory.newThread}, and {@code CompletableFuture}'s {@code ...Async} methods.
     *
     * @param method the called method or constructor
     * @param ownerIsA tells whether the method's class is (a subtype of) the named type
     * @return true for those calls
     */
    public static boolean runsOnAnotherThread(ExecutableElement method, Predicate<String> ownerIsA) {
        String name = method.getSimpleName().toString();
        if (method.getKind() == ElementKind.CONSTRUCTOR) {
            return ownerIsA.test(THREAD);
        }
        return EXECUTOR_HOPS.contains(name) && ownerIsA.test(EXECUTOR)
                || THREAD_BUILDER_HOPS.contains(name) && ownerIsA.test(THREAD_BUILDER)
                || name.equals("startVirtualThread") && isDeclaredIn(method, THREAD)
                || name.equals("newThread") && ownerIsA.test(THREAD_FACTORY)
                || name.endsWith(ASYNC_SUFFIX) && ownerIsA.test(COMPLETABLE_FUTURE);
    }

    /**
     * How a stream method sets the stream's mode: {@code parallelStream()} and {@code parallel()} make it
     * parallel, {@code sequential()} sequential.
     *
     * @param method a called method
     * @param ownerIsA tells whether the method's class is (a subtype of) the named type
     * @return TRUE for parallel, FALSE for sequential, null for a method that does not change the mode
     */
    public static Boolean isParallelStream(ExecutableElement method, Predicate<String> ownerIsA) {
        if (!method.getParameters().isEmpty() || method.getModifiers().contains(Modifier.STATIC)) {
            return null;
        }
        String name = method.getSimpleName().toString();
        if (name.equals("parallelStream") && ownerIsA.test(COLLECTION)
                || name.equals("parallel") && ownerIsA.test(BASE_STREAM)) {
            return Boolean.TRUE;
        }
        return name.equals("sequential") && ownerIsA.test(BASE_STREAM) ? Boolean.FALSE : null;
    }

    /**
     * Whether a type is a stream ({@code java.util.stream.BaseStream} or a subtype), by the caller's test.
     *
     * @param ownerIsA tells whether the type is (a subtype of) the named type
     * @return true for streams
     */
    public static boolean isStream(Predicate<String> ownerIsA) {
        return ownerIsA.test(BASE_STREAM);
    }
}
