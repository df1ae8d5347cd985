package corpus.ffmhidden;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import org.allocdiscipline.ChoosesAllocator;

/** Shaped as jextract writes a callback type, declared before its user: javac lowers it first. */
final class Callback$tick {
    interface Function {
        void apply();
    }

    static MemorySegment allocate(Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(java.lang.invoke.MethodHandles.constant(Function.class, fi),
                FunctionDescriptor.ofVoid(), arena);
    }
}

/** Hidden arenas where they are the right choice, or no allocation at all: nothing to report. */
class HiddenArenaExemptions {
    // A library stays loaded as long as its lookup's arena: for the whole process.
    static final SymbolLookup LIBRARY = SymbolLookup.libraryLookup(Path.of("libz.so"), Arena.global());
    private static final Arena LOOKUP_ARENA = Arena.ofAuto();

    static SymbolLookup lookup(String name) {
        return SymbolLookup.libraryLookup(name, LOOKUP_ARENA);
    }

    static MemorySegment callback(MethodHandle target) {
        return Linker.nativeLinker().upcallStub(target, FunctionDescriptor.ofVoid(), Arena.global());
    }

    // A wrapper of Linker.upcallStub by the same name, as bindings write them, forwards the arena to it.
    static MemorySegment upcallStub(MethodHandle target, FunctionDescriptor descriptor, Arena arena) {
        return Linker.nativeLinker().upcallStub(target, descriptor, arena);
    }

    static MemorySegment handler(MethodHandle target) {
        return upcallStub(target, FunctionDescriptor.ofVoid(), Arena.global());
    }

    // jextract's callback classes wrap the linker's upcallStub in a method named allocate.
    static MemorySegment installed(Runnable action) {
        return Callback$run.allocate(action::run, Arena.global());
    }

    static MemorySegment ticking(Runnable action) {
        return Callback$tick.allocate(action::run, Arena.global());
    }

    static MemorySegment wrap(MemorySegment pointer, long size) {
        return pointer.reinterpret(size, Arena.global(), null);
    }

    public static void main(String[] args) {
        MemorySegment s = Arena.ofAuto().allocate(ValueLayout.JAVA_LONG);
        s.set(ValueLayout.JAVA_LONG, 0, 42L);
    }

    @ChoosesAllocator
    static MemorySegment defaultBuffer() {
        return Arena.ofAuto().allocate(1024);
    }

    @SuppressWarnings("hardcoded-allocator")
    static MemorySegment tolerated() {
        return Arena.global().allocate(8);
    }

    // A confined arena as a scoped temporary chooses nothing for the caller.
    static long length(String text) {
        try (Arena arena = Arena.ofConfined()) {
            return arena.allocateFrom(text).byteSize();
        }
    }

    // Making an arena and never allocating from it is no allocation.
    static boolean alive() {
        return Arena.global().scope().isAlive();
    }
}

/** jextract-style generated bindings: the tool chose the arena. */
@javax.annotation.processing.Generated("jextract")
class GeneratedBindings {
    static final Arena LIBRARY_ARENA = Arena.ofAuto();
    static final SymbolLookup SYMBOL_LOOKUP = SymbolLookup.libraryLookup("libc.so.6", LIBRARY_ARENA)
            .or(SymbolLookup.loaderLookup());

    static MemorySegment cString(String text) {
        return LIBRARY_ARENA.allocateFrom(text);
    }
}

@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
@interface Generated {
    String value();
}

/** A look-alike annotation named Generated in another package counts only by its qualified name. */
@Generated("by hand")
class NotReallyGenerated {
    static final Arena SHARED = Arena.global();

    MemorySegment make() {
        return SHARED.allocate(4); // expect: [hardcoded-allocator] "`SHARED`"
    }
}

/** A hand-written helper that chains library lookups keeps the library's arena for the process. */
final class ChainedLookup {
    static final Arena LIBRARY_ARENA = Arena.ofAuto();
    static final SymbolLookup LOOKUP = get(LIBRARY_ARENA);

    static SymbolLookup get(Arena arena) {
        SymbolLookup none = name -> java.util.Optional.empty();
        return none.or(SymbolLookup.libraryLookup("libz.so.1", arena));
    }
}

/** Shaped as jextract writes a callback type: the arena only goes to the linker's upcallStub. */
final class Callback$run {
    interface Function {
        void apply();
    }

    private static final MethodHandle UP = upcallHandle();

    private static MethodHandle upcallHandle() {
        try {
            return java.lang.invoke.MethodHandles.lookup().findVirtual(Function.class, "apply",
                    java.lang.invoke.MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static MemorySegment allocate(Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP.bindTo(fi), FunctionDescriptor.ofVoid(), arena);
    }
}
