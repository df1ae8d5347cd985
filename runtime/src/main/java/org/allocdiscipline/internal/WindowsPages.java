package org.allocdiscipline.internal;

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
 * VirtualAlloc/VirtualFree. Kept minimal and untested here (CI runs on Linux): a region can only
 * be released whole, so nothing is remapped in place, and alignments above the allocation
 * granularity are found by reserving, releasing and re-reserving at an aligned address.
 */
final class WindowsPages implements OsPages {
    private static final int MEM_COMMIT = 0x1000;
    private static final int MEM_RESERVE = 0x2000;
    private static final int MEM_RELEASE = 0x8000;
    private static final int PAGE_READWRITE = 0x04;
    private static final int ALIGNED_RESERVE_ATTEMPTS = 16;
    private static final long SYSTEM_INFO_SIZE = 48;
    private static final long PAGE_SIZE_OFFSET = 4;
    private static final long GRANULARITY_OFFSET = 40;

    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle LAST_ERROR =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("GetLastError"));

    private final MethodHandle virtualAlloc;
    private final MethodHandle virtualFree;
    private final long pageSize;
    private final long granularity;

    WindowsPages() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup kernel32 = SymbolLookup.libraryLookup("kernel32", Arena.global());
        virtualAlloc = linker.downcallHandle(kernel32.findOrThrow("VirtualAlloc"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT),
                Linker.Option.captureCallState("GetLastError"));
        virtualFree = linker.downcallHandle(kernel32.findOrThrow("VirtualFree"),
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
        MethodHandle getSystemInfo = linker.downcallHandle(kernel32.findOrThrow("GetSystemInfo"),
                FunctionDescriptor.ofVoid(JAVA_LONG));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(SYSTEM_INFO_SIZE, 8);
            getSystemInfo.invokeExact(info.address());
            pageSize = Integer.toUnsignedLong(info.get(JAVA_INT, PAGE_SIZE_OFFSET));
            granularity = Integer.toUnsignedLong(info.get(JAVA_INT, GRANULARITY_OFFSET));
        } catch (Throwable t) {
            throw new ExceptionInInitializerError(t);
        }
    }

    @Override
    public long pageSize() {
        return pageSize;
    }

    @Override
    public long map(long length, long alignment) throws AllocationException {
        if (alignment <= granularity) {
            return virtualAlloc(0L, length, MEM_COMMIT | MEM_RESERVE, length);
        }
        for (int attempt = 0; attempt < ALIGNED_RESERVE_ATTEMPTS; attempt++) {
            long probe = virtualAlloc(0L, length + alignment, MEM_RESERVE, length);
            release(probe);
            long aligned = Requests.alignUp(probe, alignment);
            try {
                return virtualAlloc(aligned, length, MEM_COMMIT | MEM_RESERVE, length);
            } catch (AllocationException raced) {
                // another thread took the range between release and re-reserve: try again
            }
        }
        throw new AllocationException(length, "VirtualAlloc could not place " + length + " bytes at alignment " + alignment);
    }

    private long virtualAlloc(long at, long length, int type, long requested) throws AllocationException {
        try (Arena state = Arena.ofConfined()) {
            MemorySegment callState = state.allocate(CALL_STATE);
            long address = (long) virtualAlloc.invokeExact(callState, at, length, type, PAGE_READWRITE);
            if (address == 0L) {
                int code = (int) LAST_ERROR.get(callState, 0L);
                throw new AllocationException(requested, "VirtualAlloc of " + length + " bytes failed (GetLastError " + code + ")");
            }
            return address;
        } catch (AllocationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("VirtualAlloc downcall failed", t);
        }
    }

    @Override
    public void unmap(long address, long length) {
        release(address);
    }

    private void release(long address) {
        int ok;
        try {
            ok = (int) virtualFree.invokeExact(address, 0L, MEM_RELEASE);
        } catch (Throwable t) {
            throw new IllegalStateException("VirtualFree downcall failed", t);
        }
        if (ok == 0) {
            throw new IllegalStateException("VirtualFree(0x" + Long.toHexString(address) + ") failed");
        }
    }

    @Override
    public boolean remapInPlace(long address, long oldLength, long newLength) {
        return newLength == oldLength;
    }
}
