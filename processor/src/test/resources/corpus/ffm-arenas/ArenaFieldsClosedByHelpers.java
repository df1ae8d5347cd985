package corpus.ffmarenas;

import java.lang.foreign.Arena;

/** close() may close its arena fields through the class's own private helpers, which are read. */
class ArenaFieldsClosedByHelpers {
    static final class ClosedThroughHelper implements AutoCloseable {
        private final Arena arena = Arena.ofShared();

        private void release() {
            arena.close();
        }

        @Override
        public void close() {
            release();
        }
    }

    static final class ClosedThroughHelperOnSomePaths implements AutoCloseable {
        private final Arena arena = Arena.ofShared(); // expect: [owned-not-freed] "The arena field `arena` is not freed when close() ends"
        private boolean open = true;

        private void release(boolean really) {
            if (really) {
                arena.close();
            }
        }

        @Override
        public void close() {
            release(open);
        }
    }
}
