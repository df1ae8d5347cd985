package corpus.ffmhidden;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

class AutoArenaInLibraryMethod {
    // jline3 #1872: a fresh automatic arena per call, left to the Cleaner.
    MemorySegment cString(String text) {
        return Arena.ofAuto().allocateFrom(text); // expect: [hardcoded-allocator] "AutoArenaInLibraryMethod.cString(java.lang.String) allocates from `Arena.ofAuto(...)` instead of taking an allocator from its caller"
    }

    MemorySegment buffer(long size) {
        Arena arena = Arena.global(); // (the arena is chosen here; it is reported where it is used)
        return arena.allocate(size); // expect: [hardcoded-allocator] "allocates from `arena`, which holds `Arena.global(...)` (line 15)"
    }

    MemorySegment copy(MemorySegment source) {
        return copyInto(source, Arena.ofAuto()); // expect: [hardcoded-allocator] "allocates through `Arena.ofAuto(...)` as argument `allocator` of copyInto(MemorySegment, SegmentAllocator)"
    }

    MemorySegment copyInto(MemorySegment source, SegmentAllocator allocator) {
        return allocator.allocate(source.byteSize()).copyFrom(source);
    }

    MemorySegment withOwnArena(Arena arena, int value) {
        MemorySegment s = Arena.ofAuto().allocate(ValueLayout.JAVA_INT); // expect: [hardcoded-allocator] "Use its parameter `arena` instead."
        s.set(ValueLayout.JAVA_INT, 0, value);
        return s;
    }

    // A wrapper that gives the arena to the linker and also allocates from it: the allocation is hidden policy.
    static MemorySegment stubWithContext(java.lang.invoke.MethodHandle target, Arena arena) {
        MemorySegment context = arena.allocate(ValueLayout.JAVA_LONG);
        return java.lang.foreign.Linker.nativeLinker().upcallStub(
                java.lang.invoke.MethodHandles.insertArguments(target, 0, context),
                java.lang.foreign.FunctionDescriptor.ofVoid(), arena);
    }

    MemorySegment installWithContext(java.lang.invoke.MethodHandle target) {
        return stubWithContext(target, Arena.global()); // expect: [hardcoded-allocator] "as argument `arena` of stubWithContext(MethodHandle, Arena)"
    }

    Arena arenaForCallers() {
        return Arena.ofAuto(); // expect: [hardcoded-allocator] "hands out `Arena.ofAuto(...)`"
    }

    /** The automatic arena is stored by the constructor rather than by an initializer: the same hidden policy there. */
    static final class StreamBuffers {
        private final Arena arena;
        private final MemorySegment first;

        StreamBuffers(long size) {
            arena = Arena.ofAuto();
            first = arena.allocate(size); // expect: [hardcoded-allocator] "allocates from `arena`, which holds `Arena.ofAuto(...)` (line 55)"
        }

        // Known limit: a field that the constructors set is followed only in bodies that name the factory.
        MemorySegment next(long size) {
            return this.arena.allocate(size);
        }
    }
}
