package cases.hardcoded;

import static org.allocdiscipline.PageAllocator.INSTANCE;

import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.ChoosesAllocator;
import org.allocdiscipline.Owned;
import org.allocdiscipline.PageAllocator;

/** Composition roots, suppressions and look-alikes: nothing here is reported. */
public class Exempt {
    static void main(String[] args) throws AllocationException {
        MemorySegment s = PageAllocator.INSTANCE.alloc(16);
        Runnable lambda = () -> new ArenaAllocator(PageAllocator.INSTANCE).close();
        Supplier<Allocator> anonymous = new Supplier<>() {
            private final Allocator field = PageAllocator.INSTANCE;

            @Override
            public Allocator get() {
                return PageAllocator.INSTANCE;
            }
        };
        class Local {
            Allocator get() {
                return INSTANCE;
            }
        }
        lambda.run();
        PageAllocator.INSTANCE.free(s);
    }

    @ChoosesAllocator
    static @Owned ArenaAllocator composed() {
        return new ArenaAllocator(PageAllocator.INSTANCE);
    }

    private final Allocator allocator;

    Exempt(Allocator allocator) {
        this.allocator = allocator;
    }

    @ChoosesAllocator
    Exempt() {
        this(PageAllocator.INSTANCE);
    }

    @SuppressWarnings("hardcoded-allocator")
    static Allocator suppressedByRuleId() {
        return PageAllocator.INSTANCE;
    }

    @SuppressWarnings("allocdiscipline")
    static Allocator suppressedForAllRules() {
        return PageAllocator.INSTANCE;
    }

    @SuppressWarnings({"unchecked", "hardcoded-allocator"})
    static Allocator suppressedInAList() {
        return PageAllocator.INSTANCE;
    }

    static Allocator suppressedOnLocalVariable() {
        @SuppressWarnings("hardcoded-allocator")
        Allocator a = PageAllocator.INSTANCE;
        return a;
    }

    @SuppressWarnings("hardcoded-allocator")
    private static final Allocator SUPPRESSED_FIELD = PageAllocator.INSTANCE;

    @SuppressWarnings("allocdiscipline")
    static Supplier<Allocator> lambdaInSuppressedMethod() {
        return () -> PageAllocator.INSTANCE;
    }

    static long notTheGlobalAllocator(Allocator allocator) {
        PageAllocator typed = null;
        Class<?> type = PageAllocator.class;
        Object INSTANCE = new Object();
        return PageAllocator.pageSize() + INSTANCE.hashCode() + type.hashCode() + (typed == null ? 0 : 1);
    }

    @ChoosesAllocator
    static class Root {
        private static final Allocator ROOT_FIELD = PageAllocator.INSTANCE;

        static {
            Allocator a = PageAllocator.INSTANCE;
        }

        Allocator get() {
            return PageAllocator.INSTANCE;
        }

        static class InsideRoot {
            Supplier<Allocator> get() {
                return () -> PageAllocator.INSTANCE;
            }
        }
    }

    @SuppressWarnings("hardcoded-allocator")
    static class SuppressedClass {
        Allocator get() {
            return PageAllocator.INSTANCE;
        }
    }
}
