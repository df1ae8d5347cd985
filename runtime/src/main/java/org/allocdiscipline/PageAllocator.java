package org.allocdiscipline;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;

import org.allocdiscipline.internal.Lifetime;
import org.allocdiscipline.internal.OsPages;
import org.allocdiscipline.internal.Requests;

/**
 * Memory straight from the operating system, a whole number of pages per allocation, as Zig's
 * {@code std.heap.page_allocator}: mmap/munmap on Linux and macOS (mremap to resize in place on
 * Linux), VirtualAlloc/VirtualFree on Windows.
 *
 * <p>It has little policy, which makes it a good base for other allocators
 * ({@code new ArenaAllocator(PageAllocator.INSTANCE)}) and for a few large, independent regions.
 * It is a poor choice for many small allocations: each one costs system calls and at least one
 * page. Library code should take an {@link Allocator} from its caller instead of naming this
 * global; the allocdiscipline processor reports it ({@code hardcoded-allocator}).
 *
 * <p><b>Ownership.</b> Every segment returned is owned by the caller and must be given back with
 * {@link #free} of the same instance. {@code alloc(n)} returns exactly {@code n} bytes although
 * whole pages are mapped.
 *
 * <p><b>Safety.</b> {@link #INSTANCE} invalidates a segment when it is freed, so a later access
 * throws {@link IllegalStateException} instead of touching unmapped memory; that costs a JVM thread
 * handshake per free. {@link #THREAD_CONFINED} invalidates cheaply but confines each segment to
 * the thread that allocated it. {@link #UNCHECKED} skips invalidation: an access after free may
 * crash the JVM. Every mode reports double frees, foreign frees and frees of slices.
 *
 * <p><b>Threads.</b> Every instance is thread-safe.
 */
public final class PageAllocator implements Allocator {
    /** The page allocator in {@link Safety#SHARED} mode: segments usable from any thread. */
    public static final PageAllocator INSTANCE = new PageAllocator(Safety.SHARED);

    /** The page allocator in {@link Safety#THREAD_CONFINED} mode. */
    public static final PageAllocator THREAD_CONFINED = new PageAllocator(Safety.THREAD_CONFINED);

    /** The page allocator in {@link Safety#UNCHECKED} mode: an explicit opt-in, see {@link Safety#UNCHECKED}. */
    public static final PageAllocator UNCHECKED = new PageAllocator(Safety.UNCHECKED);

    private final Safety safety;
    private final ConcurrentHashMap<Long, Mapping> live = new ConcurrentHashMap<>();

    /** What the operating system mapped for one allocation. */
    private record Mapping(long address, long mappedLength, long byteSize, long alignment, Lifetime lifetime) {
    }

    private PageAllocator(Safety safety) {
        this.safety = safety;
    }

    /**
     * Returns the page size, as the operating system reports it (never assumed to be 4096).
     *
     * @return the page size in bytes
     */
    public static long pageSize() {
        return Os.PAGES.pageSize();
    }

    /**
     * Returns how this instance protects freed segments.
     *
     * @return the safety mode
     */
    public Safety safety() {
        return safety;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Maps {@code byteSize} rounded up to whole pages, at any power-of-two alignment (alignments
     * above the page size are obtained by trimming a larger mapping), zero-filled.
     *
     * @throws AllocationException if the operating system refuses the mapping; the message gives
     *         its reason (errno)
     */
    @Override
    public @Owned MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
        Requests.check(byteSize, byteAlignment);
        if (byteSize == 0) {
            return Requests.empty(byteAlignment);
        }
        long length = pageLength(byteSize);
        long alignment = Math.max(byteAlignment, pageSize());
        long address = Os.PAGES.map(length, alignment);
        return publish(address, length, byteSize, byteAlignment);
    }

    private MemorySegment publish(long address, long mappedLength, long byteSize, long alignment) {
        Lifetime lifetime = Lifetime.open(safety);
        MemorySegment segment = lifetime.wrap(address, byteSize);
        live.put(address, new Mapping(address, mappedLength, byteSize, alignment, lifetime));
        return segment;
    }

    private static long pageLength(long byteSize) throws AllocationException {
        long length = Requests.alignUp(byteSize, pageSize());
        if (length < byteSize) {
            throw new AllocationException(byteSize, byteSize + " bytes cannot be rounded up to whole pages: "
                    + "the size exceeds the address space");
        }
        return length;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Resizes in place when the page count does not change, when it shrinks, or (on Linux) when
     * mremap can grow the mapping where it is; otherwise maps new pages, copies and unmaps the old.
     */
    @Override
    public @Owned MemorySegment realloc(@Owned MemorySegment memory, long newByteSize) throws AllocationException {
        Requests.checkSize(newByteSize);
        if (memory.byteSize() == 0) {
            return alloc(newByteSize, Requests.alignmentOfEmpty(memory));
        }
        Mapping mapping = lookup(memory);
        if (newByteSize == 0) {
            free(memory);
            return Requests.empty(mapping.alignment());
        }
        long newLength = pageLength(newByteSize);
        if (newLength <= mapping.mappedLength()) {
            return resizeInPlace(mapping, newByteSize, newLength);
        }
        if (Os.PAGES.remapInPlace(mapping.address(), mapping.mappedLength(), newLength)) {
            // The old segment still covers only its old range, which stayed mapped.
            return resizeInPlace(new Mapping(mapping.address(), newLength, mapping.byteSize(), mapping.alignment(),
                    mapping.lifetime()), mapping, newByteSize);
        }
        MemorySegment moved = alloc(newByteSize, mapping.alignment());
        MemorySegment.copy(memory, 0, moved, 0, Math.min(memory.byteSize(), newByteSize));
        free(memory);
        return moved;
    }

    private MemorySegment resizeInPlace(Mapping mapping, long newByteSize, long newLength) {
        claim(mapping);
        // Invalidate the caller's segment before any page it covers goes away.
        retire(mapping, mapping);
        if (newLength < mapping.mappedLength()
                && !Os.PAGES.remapInPlace(mapping.address(), mapping.mappedLength(), newLength)) {
            newLength = mapping.mappedLength();
        }
        return publish(mapping.address(), newLength, newByteSize, mapping.alignment());
    }

    private MemorySegment resizeInPlace(Mapping grown, Mapping original, long newByteSize) {
        claim(original);
        retire(original, grown);
        return publish(grown.address(), grown.mappedLength(), newByteSize, grown.alignment());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Invalidates the segment (unless {@link #UNCHECKED}) and unmaps its pages.
     *
     * @throws IllegalStateException if the segment was already freed, or (shared mode) another
     *         thread is using it in a native call right now
     * @throws WrongThreadException in {@link #THREAD_CONFINED} mode, when freed from a thread other
     *         than the one that allocated it
     */
    @Override
    public void free(@Owned MemorySegment memory) {
        if (memory.byteSize() == 0) {
            return;
        }
        Mapping mapping = lookup(memory);
        claim(mapping);
        retire(mapping, mapping);
        Os.PAGES.unmap(mapping.address(), mapping.mappedLength());
    }

    /** Takes the mapping out of the live table so that a racing free of the same segment fails. */
    private void claim(Mapping mapping) {
        if (!live.remove(mapping.address(), mapping)) {
            throw new IllegalStateException("double free: the segment at 0x" + Long.toHexString(mapping.address())
                    + " was freed concurrently by another thread");
        }
    }

    /** Closes the mapping's lifetime; if that is refused, puts the (possibly grown) mapping back. */
    private void retire(Mapping mapping, Mapping restoreOnFailure) {
        try {
            mapping.lifetime().close();
        } catch (WrongThreadException wrongThread) {
            live.put(restoreOnFailure.address(), restoreOnFailure);
            WrongThreadException e = new WrongThreadException(
                    "a THREAD_CONFINED page allocation must be freed by the thread that allocated it");
            e.initCause(wrongThread);
            throw e;
        } catch (RuntimeException refused) {
            live.put(restoreOnFailure.address(), restoreOnFailure);
            throw refused;
        }
    }

    private Mapping lookup(MemorySegment memory) {
        Mapping mapping = live.get(memory.address());
        if (mapping != null && mapping.lifetime().owns(memory) && mapping.byteSize() == memory.byteSize()) {
            return mapping;
        }
        throw misuse(memory, mapping);
    }

    private RuntimeException misuse(MemorySegment memory, Mapping atAddress) {
        String where = "segment at 0x" + Long.toHexString(memory.address()) + " (" + memory.byteSize() + " bytes)";
        if (!memory.scope().isAlive()) {
            return new IllegalStateException("double free: the " + where + " was already freed");
        }
        if (atAddress != null && atAddress.lifetime().owns(memory)) {
            return new IllegalArgumentException("free of a slice: the " + where + " is not the whole allocation of "
                    + atAddress.byteSize() + " bytes that " + this + " returned there");
        }
        for (Mapping m : live.values()) {
            if (memory.address() > m.address() && memory.address() < m.address() + m.byteSize()
                    && m.lifetime().owns(memory)) {
                return new IllegalArgumentException("free of a slice: the " + where
                        + " lies inside an allocation that starts at 0x" + Long.toHexString(m.address()));
            }
        }
        if (safety == Safety.UNCHECKED) {
            return new IllegalArgumentException("double free or foreign free: the " + where
                    + " is not a live allocation of " + this);
        }
        return new IllegalArgumentException("foreign free: the " + where + " was not allocated by " + this
                + " (free it with the allocator that returned it)");
    }

    /**
     * Returns the number of allocations currently live in this instance.
     *
     * @return live allocation count
     */
    public int liveAllocations() {
        return live.size();
    }

    @Override
    public String toString() {
        return "PageAllocator[" + safety + "]";
    }

    /** Loaded on first use, so that merely naming the class does no native work. */
    private static final class Os {
        static final OsPages PAGES = OsPages.forCurrentPlatform();
    }
}
