package org.allocdiscipline.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.allocdiscipline.Safety;

/**
 * The scope that segments handed out by an allocator live in, per {@link Safety} mode: closing it
 * is what makes a freed page, or every segment of a closed region, unusable. Not API.
 *
 * <p><b>Release order.</b> An allocator built on memory of another one (an arena's chunks, a
 * general-purpose allocator's slabs, a fixed buffer) re-scopes that memory into a lifetime of its
 * own, which would outlive the memory if the allocator underneath released it first: a write
 * through the upper allocator's segment would then touch unmapped memory. So the upper allocator
 * registers as a {@link Dependent} of the lifetime its memory came from, and closing a lifetime
 * releases its dependents first, making their segments unusable, or refuses (before anything
 * changes) when a dependent is confined to another thread. Lifetimes are found by the scope of a
 * segment; only open, checked lifetimes are listed, weakly, so that the list holds nothing alive.
 */
public abstract sealed class Lifetime {
    private static final Map<MemorySegment.Scope, WeakReference<Scoped>> OPEN =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** An allocator built on memory of a lifetime; released by the lifetime before it closes. */
    public interface Dependent {
        /**
         * Whether {@link #releaseUnderneath()} may run on the calling thread.
         *
         * @return false if the dependent is confined to another thread
         */
        boolean releasableHere();

        /** Makes everything the dependent handed out unusable, and the dependent closed: its memory goes next. */
        void releaseUnderneath();
    }

    /**
     * Opens a fresh lifetime.
     *
     * @param safety the allocator's mode
     * @return a new open lifetime
     */
    public static Lifetime open(Safety safety) {
        return switch (safety) {
            case SHARED -> Scoped.open(Arena.ofShared(), null);
            case THREAD_CONFINED -> Scoped.open(Arena.ofConfined(), Thread.currentThread());
            case UNCHECKED -> Unchecked.INSTANCE;
        };
    }

    /**
     * The open, checked lifetime that made {@code memory}, or null (a JDK arena's segment, a heap
     * segment, an unchecked allocator's segment, or a lifetime that closed).
     *
     * @param memory any segment
     * @return its lifetime, or null
     */
    static Lifetime of(MemorySegment memory) {
        WeakReference<Scoped> found = OPEN.get(memory.scope());
        return found == null ? null : found.get();
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

    /**
     * Whether {@link #close()} may run on the calling thread.
     *
     * @return false if this lifetime is confined to another thread
     */
    public abstract boolean closableHere();

    /**
     * Releases every dependent, then invalidates every segment made by this lifetime.
     *
     * @throws IllegalStateException before anything changed, if a dependent is confined to
     *         another thread; or if a segment is in use by a native call on another thread
     * @throws WrongThreadException before anything changed, if this lifetime is confined to
     *         another thread
     */
    public abstract void close();

    abstract void add(Dependent dependent);

    abstract void remove(Dependent dependent);

    private static final class Scoped extends Lifetime {
        private final Arena arena;
        private final Thread owner;
        private final List<Dependent> dependents = new ArrayList<>(0);

        private Scoped(Arena arena, Thread owner) {
            this.arena = arena;
            this.owner = owner;
        }

        static Scoped open(Arena arena, Thread owner) {
            Scoped lifetime = new Scoped(arena, owner);
            OPEN.put(arena.scope(), new WeakReference<>(lifetime));
            return lifetime;
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
        public boolean closableHere() {
            return owner == null || owner == Thread.currentThread();
        }

        @Override
        public void close() {
            if (!closableHere()) {
                throw new WrongThreadException("this lifetime is confined to " + owner + ", not to "
                        + Thread.currentThread());
            }
            List<Dependent> uppers;
            synchronized (dependents) {
                uppers = List.copyOf(dependents);
            }
            for (Dependent upper : uppers) {
                if (!upper.releasableHere()) {
                    throw new IllegalStateException("the memory is still in use by " + upper + ", which is built on it"
                            + " and confined to another thread: close that allocator first, on its own thread"
                            + " (nothing was released)");
                }
            }
            for (Dependent upper : uppers) {
                upper.releaseUnderneath();
            }
            arena.close();
            OPEN.remove(arena.scope());
            synchronized (dependents) {
                dependents.clear();
            }
        }

        @Override
        void add(Dependent dependent) {
            synchronized (dependents) {
                if (!dependents.contains(dependent)) {
                    dependents.add(dependent);
                }
            }
        }

        @Override
        void remove(Dependent dependent) {
            synchronized (dependents) {
                dependents.remove(dependent);
            }
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
        public boolean closableHere() {
            return true;
        }

        @Override
        public void close() {
            // nothing to invalidate: that is what UNCHECKED means
        }

        @Override
        void add(Dependent dependent) {
            // an unchecked lifetime never closes anything, so nobody needs releasing
        }

        @Override
        void remove(Dependent dependent) {
            // see add
        }
    }
}
