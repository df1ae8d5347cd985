package org.allocdiscipline.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.allocdiscipline.Safety;

/**
 * The scope that segments handed out by an allocator live in, per {@link Safety} mode: closing it
 * is what makes a freed page, or every segment of a closed region, unusable. Not API.
 */
public abstract sealed class Lifetime {

    /**
     * Opens a fresh lifetime.
     *
     * @param safety the allocator's mode
     * @return a new open lifetime
     */
    public static Lifetime open(Safety safety) {
        return switch (safety) {
            case SHARED -> new Scoped(Arena.ofShared());
            case THREAD_CONFINED -> new Scoped(Arena.ofConfined());
            case UNCHECKED -> Unchecked.INSTANCE;
        };
    }

    /**
     * A segment over raw memory that lives as long as this lifetime.
     *
     * @param address start of the memory
     * @param byteSize its length
     * @return a segment scoped to this lifetime
     */
    public abstract MemorySegment wrap(long address, long byteSize);

    /**
     * The same memory as {@code segment}, scoped to this lifetime instead of its own.
     *
     * @param segment memory that outlives this lifetime
     * @return a segment with the same address and size, scoped to this lifetime
     */
    public MemorySegment rescope(MemorySegment segment) {
        return wrap(segment.address(), segment.byteSize());
    }

    /**
     * Whether {@code segment} was made by this lifetime (always true when unchecked).
     *
     * @param segment any segment
     * @return whether its scope is this lifetime's
     */
    public abstract boolean owns(MemorySegment segment);

    /** Invalidates every segment made by this lifetime. */
    public abstract void close();

    private static final class Scoped extends Lifetime {
        private final Arena arena;

        Scoped(Arena arena) {
            this.arena = arena;
        }

        @Override
        public MemorySegment wrap(long address, long byteSize) {
            return MemorySegment.ofAddress(address).reinterpret(byteSize, arena, null);
        }

        @Override
        public boolean owns(MemorySegment segment) {
            return segment.scope().equals(arena.scope());
        }

        @Override
        public void close() {
            arena.close();
        }
    }

    private static final class Unchecked extends Lifetime {
        static final Unchecked INSTANCE = new Unchecked();

        @Override
        public MemorySegment wrap(long address, long byteSize) {
            return MemorySegment.ofAddress(address).reinterpret(byteSize);
        }

        @Override
        public boolean owns(MemorySegment segment) {
            return true;
        }

        @Override
        public void close() {
            // nothing to invalidate: that is what UNCHECKED means
        }
    }
}
