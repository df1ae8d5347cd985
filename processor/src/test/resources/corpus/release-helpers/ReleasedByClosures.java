package corpus.release_helpers;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.List;
import org.allocdiscipline.*;

/**
 * Allocators and values of the runtime handed on together with the code that releases them: the checker
 * does not follow when that code runs, so a leak's message says how to suppress it, as it does for arenas.
 */
class ReleasedByClosures {
    private static final Cleaner CLEANER = Cleaner.create();

    ClosingHolder closedByAMethodReference(Allocator backing) {
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing); // expect: [owned-not-freed] "(`gpa::close` on line 17 closes it, but the checker does not follow when that code runs: if it always does, suppress this finding with @SuppressWarnings("
        return new ClosingHolder(gpa, gpa::close);
    }

    ClosingHolder closedByALambda(Allocator backing) {
        ArenaAllocator arena = new ArenaAllocator(backing); // expect: [owned-not-freed] "(the lambda on line 23 closes it, but the checker does not follow when that code runs: if it always does, suppress"
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(arena); // expect: [owned-not-freed] "(the lambda on line 23 closes it"
        return new ClosingHolder(gpa, () -> {
            gpa.close();
            arena.close();
        });
    }

    void freedByALambda(Allocator allocator, ClosingHolder holder) throws AllocationException {
        MemorySegment s = allocator.alloc(16); // expect: [owned-not-freed] "(the lambda on line 31 frees it, but the checker does not follow when that code runs: if it always does, suppress this finding with @SuppressWarnings("
        holder.later(s, () -> allocator.free(s));
    }

    void freedByAnAnonymousClass(Allocator allocator, ClosingHolder holder) throws AllocationException {
        MemorySegment s = allocator.alloc(16); // expect: [owned-not-freed] "(the anonymous class `new Runnable(...)` on line 36 frees it"
        holder.later(s, new Runnable() {
            @Override
            public void run() {
                allocator.free(s);
            }
        });
    }

    // The closure releases something else: the value only keeps the hint about the method it was lent to.
    void lentBesideAnotherValuesRelease(Allocator allocator, ClosingHolder holder) throws AllocationException {
        MemorySegment kept = allocator.alloc(16); // expect: [owned-not-freed] "(it was lent to `holder.later(...)` on line 48, whose body is not read: if that method frees it, annotate its parameter @Owned"
        MemorySegment other = allocator.alloc(16); // expect: [owned-not-freed] "(the lambda on line 48 frees it"
        holder.later(kept, () -> allocator.free(other));
    }

    // The exception leaves before the code that closes the allocator is reached: the message names no code.
    ClosingHolder thrownBeforeTheClosure(Allocator backing) throws AllocationException {
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing); // expect: [owned-not-freed] "is not freed when AllocationException is thrown by `gpa.alloc(...)` on line 54. Fix:"
        gpa.free(gpa.alloc(8));
        ClosingHolder holder = new ClosingHolder(gpa, gpa::close);
        gpa.close();
        return holder;
    }

    // Released here after all, or by a Cleaner action: nothing to report.
    void closedHereToo(Allocator backing) {
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing);
        ClosingHolder holder = new ClosingHolder(gpa, gpa::close);
        holder.toString();
        gpa.close();
    }

    void freedInPlace(Allocator allocator, List<MemorySegment> all) throws AllocationException {
        all.add(allocator.alloc(8));
        all.forEach(each -> allocator.free(each));
    }

    void closedByACleaner(Object owner, Allocator backing) {
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing);
        CLEANER.register(owner, gpa::close);
    }
}

/** Another top-level class: the checker does not read its bodies from the class above. */
class ClosingHolder {
    ClosingHolder(Allocator allocator, Runnable release) {
    }

    void later(MemorySegment segment, Runnable release) {
    }
}
