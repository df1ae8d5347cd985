package corpus.tests_as_roots;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;
import org.junit.jupiter.api.Test;

// A call that the test expects to throw returns no value when the test passes: nothing is owed for it.
// The same call anywhere else, or a value made before the expected throw, still owes its release.
class ExpectedThrowsInTests {
    private final Allocator allocator = PageAllocator.INSTANCE;

    @Test
    void junitAssertThrows() {
        assertThrows(IllegalArgumentException.class, () -> allocator.alloc(-1));
        assertThrows(IllegalArgumentException.class, () -> {
            allocator.alloc(-2);
        });
    }

    @Test
    void assertjThrownByAndCatch() {
        assertThatThrownBy(() -> allocator.alloc(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatIllegalArgumentException().isThrownBy(() -> allocator.alloc(-1));
        Throwable thrown = catchThrowable(() -> allocator.alloc(-1));
        assertThrows(IllegalArgumentException.class, () -> new ArenaAllocator(null));
    }

    @Test
    void aValueMadeBeforeTheExpectedThrowStillLeaks() {
        assertThrows(IllegalArgumentException.class, () -> {
            MemorySegment kept = allocator.alloc(8); // expect: [owned-not-freed] "not freed when the lambda ends"
            kept.fill((byte) 1);
            allocator.alloc(-1);
        });
    }

    @Test
    void theLastStatementOfABlockIsTheOneExpectedToThrow() {
        assertThrows(IllegalStateException.class, () -> {
            allocator.alloc(8); // expect: [owned-not-freed] "is discarded"
            allocator.alloc(-1);
        });
    }

    @Test
    void otherMethodsTakingALambdaExpectNothing() throws Exception {
        run(() -> allocator.alloc(8)); // expect: [owned-not-freed] "is discarded"
    }

    private static void run(Allocation allocation) throws AllocationException {
        allocation.run();
    }

    interface Allocation {
        void run() throws AllocationException;
    }
}
