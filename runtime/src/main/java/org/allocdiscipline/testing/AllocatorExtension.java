package org.allocdiscipline.testing;

import java.util.List;
import java.util.Objects;

import org.allocdiscipline.Allocator;
import org.allocdiscipline.ChoosesAllocator;
import org.allocdiscipline.PageAllocator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * JUnit 5 support (Zig's {@code std.testing.allocator}): a test method, lifecycle method or
 * constructor that declares a parameter of type {@link Allocator} or {@link TestingAllocator}
 * gets a fresh {@link TestingAllocator}, shared by every such parameter of the same test. After
 * the test (and its {@code @AfterEach} methods) the extension closes it, and the test fails with
 * one entry per leak, each naming where the memory was allocated. It also fails when the
 * allocator caught a misuse (a double free, a foreign free, a free of a slice) that the test did
 * not fail on: the code under test swallowed the exception, or try-with-resources suppressed it. Parameters of
 * {@code @BeforeAll} methods and of the constructor in the per-class lifecycle get one allocator
 * for the whole class, checked after all its tests.
 *
 * <p>A test that fails with the JDK's {@code IllegalStateException("Already closed")} (an access to
 * a freed segment) fails instead with an {@link AssertionError} listing the allocator's most
 * recent frees, each with where it was allocated and freed; the JDK's exception is its cause.
 *
 * <pre>{@code
 * @ExtendWith(AllocatorExtension.class)
 * class ParserTest {
 *     @Test
 *     void parses(Allocator allocator) throws AllocationException {
 *         MemorySegment text = allocator.alloc(100);
 *         // ... forgetting allocator.free(text) fails the test, naming this line
 *     }
 * }
 * }</pre>
 *
 * <p>This is the only class of the runtime that needs JUnit on the class path.
 */
public final class AllocatorExtension
        implements ParameterResolver, AfterEachCallback, AfterAllCallback, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AllocatorExtension.class);
    private static final String JDK_CLOSED_MESSAGE = "Already closed";
    private static final int FREES_LISTED = 5;

    private final Allocator backing;

    /**
     * Creates the extension that {@code @ExtendWith(AllocatorExtension.class)} uses: the testing
     * allocators take their memory from {@link PageAllocator#INSTANCE}.
     */
    @ChoosesAllocator
    public AllocatorExtension() {
        this(PageAllocator.INSTANCE);
    }

    /**
     * Creates an extension whose testing allocators take their memory from {@code backing}; use it
     * with {@code @RegisterExtension}.
     *
     * @param backing where the memory comes from
     */
    public AllocatorExtension(Allocator backing) {
        this.backing = Objects.requireNonNull(backing, "backing");
    }

    /**
     * Supports parameters declared as {@link Allocator} or {@link TestingAllocator}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the test or container
     * @return whether this extension provides the parameter
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Allocator.class || type == TestingAllocator.class;
    }

    /**
     * Returns the testing allocator of the current test (or class), creating it on first use.
     *
     * @param parameterContext the parameter
     * @param extensionContext the test or container
     * @return the testing allocator
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getStore(NAMESPACE).getOrComputeIfAbsent(key(extensionContext),
                k -> new TestingAllocator(backing), TestingAllocator.class);
    }

    /**
     * Fails the test if its testing allocator leaked or caught a misuse the test did not fail on.
     *
     * @param context the test
     */
    @Override
    public void afterEach(ExtensionContext context) {
        closeAllocatorOf(context);
    }

    /**
     * Fails the class if its class-wide testing allocator leaked.
     *
     * @param context the test class
     */
    @Override
    public void afterAll(ExtensionContext context) {
        closeAllocatorOf(context);
    }

    /**
     * Explains an access to freed memory with the allocator's recent frees; rethrows anything else.
     *
     * @param context the test
     * @param throwable what the test threw
     * @throws Throwable {@code throwable}, or an {@link AssertionError} explaining it
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        TestingAllocator allocator = allocatorOf(context);
        if (allocator == null || !isUseOfClosedSegment(throwable)) {
            throw throwable;
        }
        List<String> frees = allocator.recentFrees(FREES_LISTED);
        StringBuilder message = new StringBuilder("use after free: the test accessed memory that was already freed")
                .append(" (the JDK reports \"Already closed\" without saying which segment).");
        if (frees.isEmpty()) {
            message.append(" The test's TestingAllocator freed nothing yet: the segment came from elsewhere,")
                    .append(" or from an allocator that was closed.");
        } else {
            message.append(" The most recent frees of the test's TestingAllocator, newest first")
                    .append(" (TestingAllocator.explain(segment) names the one exactly):");
            int n = 1;
            for (String free : frees) {
                message.append("\n").append(n++).append(". ").append(free);
            }
        }
        throw new AssertionError(message.toString(), throwable);
    }

    private static String key(ExtensionContext context) {
        return "testing-allocator:" + context.getUniqueId();
    }

    private static TestingAllocator allocatorOf(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            TestingAllocator allocator = c.getStore(NAMESPACE).get(key(c), TestingAllocator.class);
            if (allocator != null) {
                return allocator;
            }
        }
        return null;
    }

    private static void closeAllocatorOf(ExtensionContext context) {
        TestingAllocator allocator = context.getStore(NAMESPACE).remove(key(context), TestingAllocator.class);
        if (allocator == null) {
            return;
        }
        AssertionError misuse = Misuses.unseen(allocator, context.getExecutionException().orElse(null), "");
        try {
            allocator.close();
        } catch (AssertionError leaks) {
            if (misuse == null) {
                throw leaks;
            }
            misuse.addSuppressed(leaks);
        }
        if (misuse != null) {
            throw misuse;
        }
    }

    private static boolean isUseOfClosedSegment(Throwable throwable) {
        int depth = 0;
        for (Throwable t = throwable; t != null && depth++ < 100; t = t.getCause()) {
            if (t instanceof IllegalStateException && JDK_CLOSED_MESSAGE.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
