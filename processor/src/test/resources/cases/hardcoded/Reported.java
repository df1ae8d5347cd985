package cases.hardcoded;

import static org.allocdiscipline.PageAllocator.INSTANCE;

import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.PageAllocator;

/** Library code: every use of the global page allocator is reported. */
public class Reported {
    private final Allocator instanceField = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    private static final Allocator STATIC_FIELD = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]:64
    private static Allocator fromStaticBlock;
    private Allocator fromInstanceBlock;

    static {
        fromStaticBlock = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    }

    {
        fromInstanceBlock = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    }

    private final Allocator allocator;

    public Reported(Allocator allocator) {
        this.allocator = allocator;
    }

    /** A default-argument constructor. */
    public Reported() {
        this(PageAllocator.INSTANCE); // expect: [hardcoded-allocator]
    }

    MemorySegment inMethodBody() throws AllocationException {
        return PageAllocator.INSTANCE.alloc(100); // expect: [hardcoded-allocator]:29 [owned-not-freed]
    }

    /** A no-argument convenience overload. */
    static ArenaAllocator arena() {
        return arena(PageAllocator.INSTANCE); // expect: [hardcoded-allocator] [owned-not-freed]
    }

    static ArenaAllocator arena(Allocator child) {
        return new ArenaAllocator(child); // expect: [owned-not-freed]
    }

    static ArenaAllocator constructorArgument() {
        return new ArenaAllocator(PageAllocator.INSTANCE); // expect: [hardcoded-allocator] [owned-not-freed]
    }

    static Allocator throughStaticImport() {
        return INSTANCE; // expect: [hardcoded-allocator]:16
    }

    static Allocator fullyQualified() {
        return org.allocdiscipline.PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    }

    static Allocator parenthesizedAndCast() {
        return (Allocator) (PageAllocator.INSTANCE); // expect: [hardcoded-allocator]
    }

    static void twoOnOneLine(Allocator a, Allocator b) {
        twoOnOneLine(PageAllocator.INSTANCE, PageAllocator.INSTANCE); // expect: [hardcoded-allocator] [hardcoded-allocator]
    }

    static Supplier<Allocator> inLambda() {
        return () -> PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    }

    static Consumer<MemorySegment> methodReference() {
        return PageAllocator.INSTANCE::free; // expect: [hardcoded-allocator]
    }

    static Supplier<Allocator> inAnonymousClass() {
        return new Supplier<>() {
            private final Allocator field = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]

            @Override
            public Allocator get() {
                return PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
            }
        };
    }

    static Allocator inLocalClass() {
        class Local {
            Allocator get() {
                return PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
            }
        }
        return new Local().get();
    }

    static Allocator inSwitchAndTernary(int mode, Allocator given) {
        return switch (mode) {
            case 0 -> given;
            case 1 -> mode > 0 ? PageAllocator.INSTANCE : given; // expect: [hardcoded-allocator]
            default -> {
                Allocator local = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
                yield local;
            }
        };
    }

    /** Taking an allocator and still naming the global one. */
    MemorySegment ignoresItsParameter(Allocator allocator) throws AllocationException {
        return PageAllocator.INSTANCE.alloc(8); // expect: [hardcoded-allocator] [owned-not-freed]
    }

    /** Not an entry point: private. */
    private static void main(String[] args) {
        Allocator a = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    }

    /** Not an entry point: the launcher needs void. */
    static int main(int unused) {
        Allocator a = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
        return 0;
    }

    /** Not an entry point: two parameters. */
    static void main(String[] args, int extra) {
        Allocator a = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    }

    /** Suppressing another rule does not silence this one. */
    @SuppressWarnings("owned-not-freed")
    Allocator otherRuleSuppressed() {
        return PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
    }

    enum Pool {
        DEFAULT(PageAllocator.INSTANCE); // expect: [hardcoded-allocator]

        final Allocator allocator;

        Pool(Allocator allocator) {
            this.allocator = allocator;
        }
    }

    interface WithDefault {
        default Allocator allocator() {
            return PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
        }
    }

    record Holder(Allocator allocator) {
        Holder {
            if (allocator == null) {
                allocator = PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
            }
        }
    }

    static class Nested {
        Allocator get() {
            return PageAllocator.INSTANCE; // expect: [hardcoded-allocator]
        }
    }
}
