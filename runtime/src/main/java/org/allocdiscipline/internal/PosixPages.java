package org.allocdiscipline.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import org.allocdiscipline.AllocationException;

/**
 * mmap/munmap (and mremap on Linux) through FFM downcalls. Linux is tested; macOS differs only
 * in its constants and in lacking mremap.
 */
final class PosixPages implements OsPages {
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS_LINUX = 0x20;
    private static final int MAP_ANON_MACOS = 0x1000;
    private static final int SC_PAGESIZE_LINUX = 30;
    private static final int SC_PAGESIZE_MACOS = 29;
    private static final long MAP_FAILED = -1L;

    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** Where each thread's mmap leaves errno: one small buffer per thread, not an arena per call. */
    private static final ThreadLocal<MemorySegment> CALL_STATE_BUFFER =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CALL_STATE));

    private final boolean macos;
    private final MethodHandle mmap;
    private final MethodHandle munmap;
    private final MethodHandle mremap;
    private final MethodHandle strerror;
    private final long pageSize;

    PosixPages(boolean macos) {
        this.macos = macos;
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        mmap = linker.downcallHandle(libc.findOrThrow("mmap"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), errno);
        munmap = linker.downcallHandle(libc.findOrThrow("munmap"),
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
        // mremap is variadic after its flags; passing the optional new_address keeps the call well formed.
        mremap = macos ? null : linker.downcallHandle(libc.findOrThrow("mremap"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG),
                Linker.Option.firstVariadicArg(4));
        strerror = linker.downcallHandle(libc.findOrThrow("strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));
        MethodHandle sysconf = linker.downcallHandle(libc.findOrThrow("sysconf"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT));
        try {
            pageSize = (long) sysconf.invokeExact(macos ? SC_PAGESIZE_MACOS : SC_PAGESIZE_LINUX);
        } catch (Throwable t) {
            throw new ExceptionInInitializerError(t);
        }
        if (pageSize <= 0 || Long.bitCount(pageSize) != 1) {
            throw new IllegalStateException("sysconf(_SC_PAGESIZE) returned " + pageSize);
        }
    }

    @Override
    public long pageSize() {
        return pageSize;
    }

    @Override
    public long map(long length, long alignment) throws AllocationException {
        if (alignment <= pageSize) {
            return mapExactly(length, length);
        }
        // The kernel aligns only to pages: over-map by (alignment - page) and trim both ends.
        long padded = length + alignment - pageSize;
        if (padded < length) {
            throw new AllocationException(length, "cannot map " + length + " bytes aligned to " + alignment
                    + ": the padded size exceeds the address space");
        }
        long raw = mapExactly(padded, length);
        long aligned = Requests.alignUp(raw, alignment);
        long head = aligned - raw;
        long tail = padded - head - length;
        if (head > 0) {
            unmap(raw, head);
        }
        if (tail > 0) {
            unmap(aligned + length, tail);
        }
        return aligned;
    }

    private long mapExactly(long length, long requested) throws AllocationException {
        int flags = MAP_PRIVATE | (macos ? MAP_ANON_MACOS : MAP_ANONYMOUS_LINUX);
        try {
            MemorySegment callState = CALL_STATE_BUFFER.get();
            long address = (long) mmap.invokeExact(callState, 0L, length, PROT_READ_WRITE, flags, -1, 0L);
            if (address == MAP_FAILED || address == 0L) {
                int code = (int) ERRNO.get(callState, 0L);
                throw new AllocationException(requested,
                        "mmap of " + length + " bytes failed: " + describe(code) + " (errno " + code + ")");
            }
            return address;
        } catch (AllocationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mmap downcall failed", t);
        }
    }

    @Override
    public void unmap(long address, long length) {
        int result;
        try {
            result = (int) munmap.invokeExact(address, length);
        } catch (Throwable t) {
            throw new IllegalStateException("munmap downcall failed", t);
        }
        if (result != 0) {
            // munmap fails only for ranges the kernel does not consider mapped by us: a broken invariant.
            throw new IllegalStateException("munmap(0x" + Long.toHexString(address) + ", " + length + ") failed");
        }
    }

    @Override
    public boolean remapInPlace(long address, long oldLength, long newLength) {
        if (newLength == oldLength) {
            return true;
        }
        if (newLength < oldLength) {
            unmap(address + newLength, oldLength - newLength);
            return true;
        }
        if (mremap == null) {
            return false;
        }
        try {
            long result = (long) mremap.invokeExact(address, oldLength, newLength, 0, 0L);
            return result == address;
        } catch (Throwable t) {
            throw new IllegalStateException("mremap downcall failed", t);
        }
    }

    private String describe(int errno) {
        try {
            MemorySegment text = (MemorySegment) strerror.invokeExact(errno);
            return text.equals(MemorySegment.NULL) ? "unknown error" : text.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            return "unknown error";
        }
    }
}
