package org.allocdiscipline.processor.ownership;

/**
 * Minimal sources with the runtime's qualified names, so the analysis is tested against the
 * contract without depending on the runtime module.
 */
final class RuntimeStandIns {
    private RuntimeStandIns() {
    }

    static final String[] SOURCES = {
        """
        package org.allocdiscipline;
        import java.lang.annotation.*;
        @Retention(RetentionPolicy.CLASS)
        @Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE})
        public @interface Owned {}
        """,
        """
        package org.allocdiscipline;
        import java.lang.annotation.*;
        @Retention(RetentionPolicy.CLASS)
        @Target(ElementType.TYPE)
        public @interface Region {}
        """,
        """
        package org.allocdiscipline;
        public final class AllocationException extends Exception {}
        """,
        """
        package org.allocdiscipline;
        import java.lang.foreign.MemorySegment;
        public interface Allocator {
            @Owned MemorySegment alloc(long byteSize) throws AllocationException;
            @Owned MemorySegment realloc(@Owned MemorySegment memory, long newByteSize) throws AllocationException;
            void free(@Owned MemorySegment memory);
        }
        """,
        """
        package org.allocdiscipline;
        import java.lang.foreign.MemorySegment;
        public final class PageAllocator implements Allocator {
            public static final PageAllocator INSTANCE = new PageAllocator();
            private PageAllocator() {}
            public MemorySegment alloc(long n) throws AllocationException { return MemorySegment.NULL; }
            public MemorySegment realloc(MemorySegment m, long n) throws AllocationException { return m; }
            public void free(MemorySegment m) {}
        }
        """,
        """
        package org.allocdiscipline;
        import java.lang.foreign.MemorySegment;
        @Owned @Region
        public final class ArenaAllocator implements Allocator, AutoCloseable {
            public ArenaAllocator(Allocator child) {}
            public MemorySegment alloc(long n) throws AllocationException { return MemorySegment.NULL; }
            public MemorySegment realloc(MemorySegment m, long n) throws AllocationException { return m; }
            public void free(MemorySegment m) {}
            public void close() {}
        }
        """,
        """
        package org.allocdiscipline;
        import java.lang.foreign.MemorySegment;
        @Owned
        public final class GeneralPurposeAllocator implements Allocator, AutoCloseable {
            public GeneralPurposeAllocator(Allocator backing) {}
            public MemorySegment alloc(long n) throws AllocationException { return MemorySegment.NULL; }
            public MemorySegment realloc(MemorySegment m, long n) throws AllocationException { return m; }
            public void free(MemorySegment m) {}
            public void close() {}
        }
        """,
    };
}
