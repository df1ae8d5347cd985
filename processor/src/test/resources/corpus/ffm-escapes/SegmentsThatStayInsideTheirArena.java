package corpus.ffmescapes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** Values copied out, arenas this code does not close, and code that runs before the close: nothing to report. */
class SegmentsThatStayInsideTheirArena implements AutoCloseable {
    static MemorySegment process;
    private final Arena arena;
    private final MemorySegment buffer;
    private Arena kept;
    private MemorySegment keptSegment;
    long length;
    byte first;

    SegmentsThatStayInsideTheirArena() {
        // The object owns the arena and the segment together.
        arena = Arena.ofShared();
        buffer = arena.allocate(64);
    }

    byte[] copiedOut(String text) {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment s = local.allocateFrom(text);
            first = s.get(ValueLayout.JAVA_BYTE, 0);
            length = s.byteSize();
            return s.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    String stringCopiedOut(String text) {
        try (Arena local = Arena.ofConfined()) {
            return local.allocateFrom(text).getString(0);
        }
    }

    MemorySegment fromTheCallersArena(Arena callers) {
        return callers.allocate(8);
    }

    MemorySegment fromAField() {
        return arena.allocate(8);
    }

    void segmentAndArenaKeptTogether() {
        Arena made = Arena.ofConfined();
        keptSegment = made.allocate(8);
        kept = made;
    }

    void handedOnOrClosed(boolean keep) {
        Arena made = Arena.ofConfined();
        MemorySegment s = made.allocate(8);
        if (keep) {
            keptSegment = s;
            kept = made;
            return;
        }
        made.close();
    }

    @SuppressWarnings("hardcoded-allocator")
    MemorySegment automatic() {
        process = Arena.global().allocate(8);
        return Arena.ofAuto().allocate(8);
    }

    void runsBeforeTheClose(List<Integer> indexes, ExecutorService pool) throws InterruptedException, ExecutionException {
        try (Arena local = Arena.ofShared()) {
            MemorySegment table = local.allocate(ValueLayout.JAVA_LONG, 100);
            indexes.forEach(i -> table.setAtIndex(ValueLayout.JAVA_LONG, i, i));
            long sum = IntStream.range(0, 100).mapToLong(i -> table.getAtIndex(ValueLayout.JAVA_LONG, i)).sum();
            Runnable inPlace = () -> table.fill((byte) 0);
            inPlace.run();
            pool.submit(() -> table.fill((byte) 1)).get();
            Future<?> waited = pool.submit(() -> table.fill((byte) 2));
            waited.get();
            Thread worker = new Thread(() -> table.fill((byte) 3));
            worker.start();
            worker.join();
            length = sum;
        }
    }

    long localArray() {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment[] parts = new MemorySegment[2];
            parts[0] = local.allocate(8);
            parts[1] = parts[0];
            return parts[1].byteSize();
        }
    }

    @Override
    public void close() {
        arena.close();
        if (kept != null) {
            kept.close();
        }
    }

    long bufferSize() {
        return buffer.byteSize();
    }
}
