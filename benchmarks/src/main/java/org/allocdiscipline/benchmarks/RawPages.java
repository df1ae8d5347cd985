package org.allocdiscipline.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/** The floor for the page allocator: bare mmap and munmap downcalls, no bookkeeping (Linux x86-64 constants). */
final class RawPages {
    private static final int PROT_READ_WRITE = 0x3;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x22;
    private static final MethodHandle MMAP;
    private static final MethodHandle MUNMAP;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MMAP = linker.downcallHandle(libc.findOrThrow("mmap"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        MUNMAP = linker.downcallHandle(libc.findOrThrow("munmap"), FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    }

    private RawPages() {
    }

    static long map(long length) throws Throwable {
        long address = (long) MMAP.invokeExact(0L, length, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
        if (address == -1L) {
            throw new IllegalStateException("mmap failed");
        }
        return address;
    }

    static void unmap(long address, long length) throws Throwable {
        if ((int) MUNMAP.invokeExact(address, length) != 0) {
            throw new IllegalStateException("munmap failed");
        }
    }
}
