package com.example;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.Owned;

/** A library that allocates off-heap through the allocator its caller chooses. */
public final class CStrings {

    private CStrings() {
    }

    /** {@code text} as a NUL-terminated UTF-8 C string; the caller frees it through {@code allocator}. */
    @Owned
    public static MemorySegment of(Allocator allocator, String text) throws AllocationException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        MemorySegment string = allocator.alloc(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, string, ValueLayout.JAVA_BYTE, 0, bytes.length);
        string.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return string;
    }

    /** Joins two strings into a new C string; the halves are temporary and freed on every path. */
    @Owned
    public static MemorySegment join(Allocator allocator, String left, String right) throws AllocationException {
        MemorySegment first = of(allocator, left);
        try {
            MemorySegment second = of(allocator, right);
            try {
                long leftLength = first.byteSize() - 1;
                MemorySegment joined = allocator.alloc(leftLength + second.byteSize());
                MemorySegment.copy(first, 0, joined, 0, leftLength);
                MemorySegment.copy(second, 0, joined, leftLength, second.byteSize());
                return joined;
            } finally {
                allocator.free(second);
            }
        } finally {
            allocator.free(first);
        }
    }
}
