package corpus.ffmhidden;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.List;
import java.util.function.Supplier;

class ArenaFieldsAndLambdas {
    // Pi4J #628: a static automatic arena behind the library's allocations.
    private static final Arena ARENA = Arena.ofAuto();
    private static final SegmentAllocator SLAB = Arena.global();
    static final MemorySegment SCRATCH = Arena.global().allocate(64); // expect: [hardcoded-allocator] "Static field corpus.ffmhidden.ArenaFieldsAndLambdas.SCRATCH's initializer allocates from `Arena.global(...)`"

    MemorySegment name(String text) {
        return ARENA.allocateFrom(text); // expect: [hardcoded-allocator] "allocates from `ARENA`, which holds `Arena.ofAuto(...)` (line 11)"
    }

    MemorySegment slab(long size) {
        return SLAB.allocate(size); // expect: [hardcoded-allocator] "`SLAB`"
    }

    List<MemorySegment> names(List<String> texts) {
        Arena arena = Arena.ofAuto();
        return texts.stream().map(t -> arena.allocateFrom(t)).toList(); // expect: [hardcoded-allocator] "allocates from `arena`"
    }

    Supplier<MemorySegment> lazy() {
        return () -> Arena.ofAuto().allocate(8); // expect: [hardcoded-allocator] "A lambda in corpus.ffmhidden.ArenaFieldsAndLambdas.lazy()"
    }

    interface Codec {
        default MemorySegment encode(String text) {
            return Arena.global().allocateFrom(text); // expect: [hardcoded-allocator] "Codec.encode(java.lang.String)"
        }
    }

    final MemorySegment header;

    ArenaFieldsAndLambdas() {
        header = Arena.ofAuto().allocate(16); // expect: [hardcoded-allocator] "ArenaFieldsAndLambdas.<init>()"
    }
}
