package corpus.ffmarenas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;

/** Arena fields that need no close(): nothing to report. */
class ArenaFieldsThatOweNothing {
    // jtreesitter's Node: an automatic arena, freed by the garbage collector.
    static final class Node {
        private final Arena arena = Arena.ofAuto();
    }

    // datasketches-memory: the arena comes from the caller, who closes it.
    static final class Resource {
        final Arena arena;

        Resource(Arena arena) {
            this.arena = arena;
        }
    }

    // Tomcat's OpenSSLContext: the state's arena is closed by a Cleaner action.
    static final class Context {
        private static final Cleaner CLEANER = Cleaner.create();

        private static final class State implements Runnable {
            private final Arena stateArena = Arena.ofShared();
            private final MemorySegment handle;

            State(MemorySegment pointer) {
                this.handle = pointer.reinterpret(ValueLayout.ADDRESS.byteSize(), stateArena, null);
            }

            @Override
            public void run() {
                stateArena.close();
            }
        }

        Context(MemorySegment pointer) {
            CLEANER.register(this, new State(pointer));
        }
    }
}
