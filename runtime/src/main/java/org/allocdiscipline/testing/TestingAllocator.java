package org.allocdiscipline.testing;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.Owned;
import org.allocdiscipline.Safety;
import org.allocdiscipline.internal.Lifetime;
import org.allocdiscipline.internal.Requests;
import org.allocdiscipline.internal.Underneath;

/**
 * An allocator for tests that catches leaks and misuse, with stack traces (Zig's
 * {@code std.testing.allocator}). It wraps a backing allocator and records every live allocation
 * with the stack trace of its allocation.
 *
 * <ul>
 *   <li><b>Leaks:</b> {@link #leaks()} lists the live allocations; {@link #close()} frees them
 *       and throws {@link AssertionError} listing each one with where it was allocated.</li>
 *   <li><b>Double free</b> (also freeing a segment that {@code realloc} consumed):
 *       {@link IllegalStateException} whose cause chain holds the trace of the first free and,
 *       below it, the trace of the allocation. The last 10,000 frees are remembered for this.</li>
 *   <li><b>Foreign free</b>, <b>free of a slice</b> or of a segment with another size:
 *       {@link IllegalArgumentException}; when another live {@code TestingAllocator} made the
 *       segment, the cause chain holds its allocation (and free) traces.</li>
 *   <li><b>Use after free:</b> in {@link Safety#SHARED} mode (the default) every allocation
 *       gets its own FFM arena, closed by its free, so a later read or write throws the JDK's
 *       {@code IllegalStateException("Already closed")}. That exception cannot say which
 *       allocation it was: {@link #explain(MemorySegment)} tells where a segment was allocated and
 *       freed, and {@link AllocatorExtension} turns the exception into an {@link AssertionError}
 *       that lists the test's most recent frees. Closing a shared arena costs a JVM handshake
 *       (tens of microseconds) per free; {@link Safety#THREAD_CONFINED} mode uses cheap confined
 *       arenas instead, but then each segment can only be used and freed by the thread that
 *       allocated it. {@link Safety#UNCHECKED} mode detects no use after free.</li>
 * </ul>
 *
 * <p>Every misuse is also remembered ({@link #misuses()}), so that a test fails on it even when
 * the code under test swallowed the exception or try-with-resources suppressed it.
 *
 * <p>{@code realloc} always moves the allocation, so that a stale use of the old segment is
 * caught like a use after free. Zero-length allocations are not recorded and cannot leak. The
 * allocator is thread-safe; it is meant for tests, not for speed.
 *
 * <p>Not detected: reads of memory that was allocated but never written, and out-of-bounds
 * accesses (the FFM API already rejects those for the segments it hands out).
 */
@Owned
public final class TestingAllocator implements Allocator, AutoCloseable {
    private static final int FREES_REMEMBERED = 10_000;
    private static final Map<TestingAllocator, Boolean> INSTANCES = Collections.synchronizedMap(new WeakHashMap<>());

    private final Allocator backing;
    private final Safety safety;
    private final Map<Object, Record> live = new HashMap<>();
    private final Map<Object, Record> freed = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Record> eldest) {
            return size() > FREES_REMEMBERED;
        }
    };
    /** Every misuse this allocator reported, whatever the code under test then did with the exception. */
    private final List<RuntimeException> misuses = new ArrayList<>();
    private final Underneath underneath = new Underneath(new BuiltOnBacking());
    private long nextId;
    private boolean closed;
    /** Set when the backing allocator released its memory before this allocator was closed. */
    private boolean releasedUnderneath;

    /**
     * Creates a testing allocator in {@link Safety#SHARED} mode.
     *
     * @param backing where the memory comes from
     */
    public TestingAllocator(Allocator backing) {
        this(backing, Safety.SHARED);
    }

    /**
     * Creates a testing allocator with the given way of catching use after free.
     *
     * @param backing where the memory comes from
     * @param safety {@link Safety#SHARED}: every use after free throws, on any thread;
     *        {@link Safety#THREAD_CONFINED}: the same, cheaper, but each segment belongs to the
     *        thread that allocated it; {@link Safety#UNCHECKED}: use after free is not detected
     */
    public TestingAllocator(Allocator backing, Safety safety) {
        this.backing = Objects.requireNonNull(backing, "backing");
        this.safety = Objects.requireNonNull(safety, "safety");
        INSTANCES.put(this, Boolean.TRUE);
    }

    @Override
    public @Owned MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
        Requests.check(byteSize, byteAlignment);
        Throwable site = new Throwable();
        synchronized (this) {
            checkOpen();
        }
        if (byteSize == 0) {
            return Requests.empty(byteAlignment);
        }
        MemorySegment raw = backing.alloc(byteSize, byteAlignment);
        Lifetime arena = safety == Safety.UNCHECKED ? null : Lifetime.open(safety);
        MemorySegment handed = arena == null ? raw : arena.rescope(raw);
        synchronized (this) {
            if (closed) {
                if (arena != null) {
                    arena.close();
                }
                backing.free(raw);
                checkOpen();
            }
            underneath.took(raw);
            Record record = new Record(nextId++, handed, raw, arena, byteAlignment, site);
            Object key = key(handed);
            live.put(key, record);
            freed.remove(key);
        }
        return handed;
    }

    @Override
    public void free(@Owned MemorySegment memory) {
        Objects.requireNonNull(memory, "memory");
        if (memory.byteSize() == 0) {
            return;
        }
        Throwable site = new Throwable();
        Record record = liveRecord(memory, "free");
        synchronized (this) {
            if (live.get(key(memory)) != record) {
                // Another thread freed it between the check and now.
                record = liveRecord(memory, "free");
            }
            release(record, site);
        }
    }

    @Override
    public @Owned MemorySegment realloc(@Owned MemorySegment memory, long newByteSize) throws AllocationException {
        Objects.requireNonNull(memory, "memory");
        Requests.checkSize(newByteSize);
        if (memory.byteSize() == 0) {
            return alloc(newByteSize, Requests.alignmentOfEmpty(memory));
        }
        Record record = liveRecord(memory, "realloc");
        MemorySegment moved = alloc(newByteSize, record.alignment);
        MemorySegment.copy(memory, 0, moved, 0, Math.min(memory.byteSize(), newByteSize));
        free(memory);
        return moved;
    }

    /**
     * Lists the allocations that are live now, oldest first.
     *
     * @return one {@link Leak} per live allocation, with its allocation stack trace
     */
    public synchronized List<Leak> leaks() {
        List<Record> records = new ArrayList<>(live.values());
        records.sort(Comparator.comparingLong(r -> r.id));
        List<Leak> leaks = new ArrayList<>(records.size());
        for (Record r : records) {
            leaks.add(new Leak(r.handed.byteSize(), r.alignment, r.handed.address(), r.thread,
                    List.of(Traces.trim(r.allocatedAt))));
        }
        return leaks;
    }

    /**
     * Lists the misuses this allocator caught so far (double frees, foreign frees, frees of
     * slices, calls after close), oldest first: each is the exception it threw, with the traces
     * in its cause chain. Code under test may have swallowed that exception, or try-with-resources
     * may have made it a suppressed exception of another one; it is listed here all the same, which
     * is how {@link AllocationFailures#checkAll} and {@link AllocatorExtension} fail such runs.
     *
     * @return the misuse exceptions, oldest first; empty if there was none
     */
    public synchronized List<RuntimeException> misuses() {
        return List.copyOf(misuses);
    }

    /**
     * Tells what this allocator knows about a segment: whether it is live, where it was allocated
     * and, if it was freed (among the last 10,000 frees), where. Meant for a test that caught
     * {@code IllegalStateException("Already closed")} and wants to know why.
     *
     * @param memory any segment, also a slice of an allocation
     * @return a description with the stack traces, never null
     */
    public String explain(MemorySegment memory) {
        Objects.requireNonNull(memory, "memory");
        Record record;
        synchronized (this) {
            Object key = key(memory);
            record = live.get(key);
            if (record == null) {
                record = freed.get(key);
            }
            if (record == null && safety == Safety.UNCHECKED) {
                record = containing(memory);
            }
        }
        if (record == null) {
            return "the " + memory.byteSize() + "-byte segment at 0x" + Long.toHexString(memory.address())
                    + " was not allocated by this TestingAllocator (or its free is no longer remembered)";
        }
        return record.describe();
    }

    /**
     * Frees every live allocation and makes every segment handed out unusable (except in
     * {@link Safety#UNCHECKED} mode); later calls do nothing.
     *
     * @throws AssertionError if allocations were still live, listing each with where it was
     *         allocated
     */
    @Override
    public void close() {
        List<Leak> leaks;
        synchronized (this) {
            if (closed) {
                return;
            }
            leaks = leaks();
            closed = true;
            underneath.letGo();
            for (Record record : live.values()) {
                if (record.arena != null) {
                    record.arena.close();
                }
                backing.free(record.raw);
            }
            live.clear();
            INSTANCES.remove(this);
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(describe(leaks));
        }
    }

    @Override
    public String toString() {
        return "TestingAllocator[" + safety + ", backing=" + backing + "]";
    }

    /** The most recent frees, newest first, with their traces; for use-after-free reports. */
    synchronized List<String> recentFrees(int max) {
        List<Record> records = new ArrayList<>(freed.values());
        List<String> result = new ArrayList<>();
        for (int i = records.size() - 1; i >= 0 && result.size() < max; i--) {
            result.add(records.get(i).describe());
        }
        return result;
    }

    synchronized int freesRemembered() {
        return freed.size();
    }

    static String describe(List<Leak> leaks) {
        long bytes = leaks.stream().mapToLong(Leak::byteSize).sum();
        StringBuilder out = new StringBuilder().append(leaks.size()).append(leaks.size() == 1 ? " leak" : " leaks")
                .append(" (").append(bytes).append(" bytes): memory allocated and never freed");
        int n = 1;
        for (Leak leak : leaks) {
            out.append("\n").append(n++).append(". ").append(leak);
        }
        return out.toString();
    }

    // --- internals ---

    private void checkOpen() {
        if (closed) {
            throw misuse(new IllegalStateException(releasedUnderneath
                    ? "this TestingAllocator is closed: its backing allocator " + backing + " released the memory"
                            + " of its allocations first (close allocators built on memory before that memory goes)"
                    : "this TestingAllocator is closed"));
        }
    }

    /** Remembers a misuse before it is thrown, so that swallowing the exception does not hide it. */
    private synchronized RuntimeException misuse(RuntimeException report) {
        misuses.add(report);
        return report;
    }

    private Object key(MemorySegment memory) {
        return safety == Safety.UNCHECKED ? (Object) memory.address() : memory.scope();
    }

    /** The live record that {@code memory} is exactly, or an exception that says what it is instead. */
    private Record liveRecord(MemorySegment memory, String operation) {
        Record freedRecord;
        Record inside;
        synchronized (this) {
            checkOpen();
            Object key = key(memory);
            Record record = live.get(key);
            if (record != null && record.handed.address() == memory.address()
                    && record.handed.byteSize() == memory.byteSize()) {
                return record;
            }
            inside = record != null ? record : containing(memory);
            freedRecord = inside == null ? freed.get(key) : null;
        }
        String what = "the " + memory.byteSize() + "-byte segment at 0x" + Long.toHexString(memory.address());
        if (inside != null) {
            return throwSlice(operation, what, inside);
        }
        if (freedRecord != null) {
            boolean exact = freedRecord.handed.address() == memory.address()
                    && freedRecord.handed.byteSize() == memory.byteSize();
            throw misuse(new IllegalStateException((exact ? "double free: " : "")
                    + operation + " of " + what + (exact ? "" : ", a slice of an allocation that")
                    + " was already freed at " + Traces.where(Traces.trim(freedRecord.freedAt))
                    + "; allocated at " + Traces.where(Traces.trim(freedRecord.allocatedAt)),
                    freedRecord.causeChain()));
        }
        for (TestingAllocator other : others()) {
            Record theirs = other.lookup(memory);
            if (theirs != null) {
                throw misuse(new IllegalArgumentException("foreign " + operation + ": " + what
                        + " was allocated by another TestingAllocator, at "
                        + Traces.where(Traces.trim(theirs.allocatedAt)), theirs.causeChain()));
            }
        }
        throw misuse(new IllegalArgumentException("foreign " + operation + ": " + what
                + " was not allocated by this TestingAllocator"));
    }

    private Record throwSlice(String operation, String what, Record inside) {
        throw misuse(new IllegalArgumentException(operation + " of a slice: " + what + " is not the "
                + inside.handed.byteSize() + "-byte segment at 0x" + Long.toHexString(inside.handed.address())
                + " that alloc returned (allocated at " + Traces.where(Traces.trim(inside.allocatedAt)) + ")",
                inside.causeChain()));
    }

    private synchronized Record lookup(MemorySegment memory) {
        Object key = key(memory);
        Record record = live.get(key);
        return record != null ? record : freed.get(key);
    }

    /** The live allocation whose memory holds {@code memory}'s start, by address. */
    private Record containing(MemorySegment memory) {
        long address = memory.address();
        for (Record r : live.values()) {
            long start = r.handed.address();
            if (address >= start && address < start + r.handed.byteSize()) {
                return r;
            }
        }
        return null;
    }

    private List<TestingAllocator> others() {
        synchronized (INSTANCES) {
            List<TestingAllocator> others = new ArrayList<>(INSTANCES.keySet());
            others.remove(this);
            return others;
        }
    }

    /** Caller holds this monitor. */
    private void release(Record record, Throwable site) {
        if (record.arena != null) {
            record.arena.close();
        }
        Object key = key(record.handed);
        live.remove(key);
        record.freedAt = site;
        record.freedThread = Thread.currentThread().getName();
        freed.put(key, record);
        underneath.givingBack(record.raw);
        backing.free(record.raw);
    }

    /**
     * Closes this allocator when the backing allocator releases the memory of live allocations
     * first: their segments become unusable, and nothing is given back later.
     */
    private final class BuiltOnBacking implements Lifetime.Dependent {
        @Override
        public boolean releasableHere() {
            synchronized (TestingAllocator.this) {
                for (Record record : live.values()) {
                    if (record.arena != null && !record.arena.closableHere()) {
                        return false;
                    }
                }
                return true;
            }
        }

        @Override
        public void releaseUnderneath() {
            synchronized (TestingAllocator.this) {
                if (!closed) {
                    closed = true;
                    releasedUnderneath = true;
                    for (Record record : live.values()) {
                        if (record.arena != null) {
                            record.arena.close();
                        }
                    }
                    live.clear();
                    INSTANCES.remove(TestingAllocator.this);
                }
            }
            underneath.letGo();
        }

        @Override
        public String toString() {
            return TestingAllocator.this.toString();
        }
    }

    /** One allocation: what was handed out, what the backing allocator gave, and where it happened. */
    private static final class Record {
        final long id;
        final MemorySegment handed;
        final MemorySegment raw;
        final Lifetime arena;
        final long alignment;
        final Throwable allocatedAt;
        final String thread = Thread.currentThread().getName();
        Throwable freedAt;
        String freedThread;

        Record(long id, MemorySegment handed, MemorySegment raw, Lifetime arena, long alignment, Throwable allocatedAt) {
            this.id = id;
            this.handed = handed;
            this.raw = raw;
            this.arena = arena;
            this.alignment = alignment;
            this.allocatedAt = allocatedAt;
        }

        String header() {
            return handed.byteSize() + " bytes (alignment " + alignment + ") at 0x" + Long.toHexString(handed.address());
        }

        /** "first freed here" caused by "allocated here", as printed under the misuse exception. */
        Throwable causeChain() {
            Throwable allocated = Traces.site("allocated here: " + header() + " on thread " + thread, allocatedAt, null);
            return freedAt == null
                    ? allocated
                    : Traces.site("first freed here, on thread " + freedThread, freedAt, allocated);
        }

        String describe() {
            StringBuilder out = new StringBuilder(freedAt == null ? "live: " : "freed: ").append(header())
                    .append(", allocated on thread ").append(thread).append(" at:")
                    .append(Traces.format(Traces.trim(allocatedAt)));
            if (freedAt != null) {
                out.append("\nand freed on thread ").append(freedThread).append(" at:")
                        .append(Traces.format(Traces.trim(freedAt)));
            }
            return out.toString();
        }
    }
}
