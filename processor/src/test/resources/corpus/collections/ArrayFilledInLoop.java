package corpus.collections;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// An array filled in a loop and freed element by element in finally owns its values; one that is
// never freed loses them.
class ArrayFilledInLoop {
    void freed(Allocator allocator, int n) throws AllocationException {
        MemorySegment[] parts = new MemorySegment[n];
        try {
            for (int i = 0; i < n; i++) {
                parts[i] = allocator.alloc(8);
            }
        } finally {
            for (MemorySegment part : parts) {
                if (part != null) {
                    allocator.free(part);
                }
            }
        }
    }

    void freedByIndex(Allocator allocator, int n) throws AllocationException {
        MemorySegment[] parts = new MemorySegment[n];
        try {
            for (int i = 0; i < n; i++) {
                parts[i] = allocator.alloc(8);
            }
        } finally {
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] != null) {
                    allocator.free(parts[i]);
                }
            }
        }
    }

    void leaks(Allocator allocator, int n) throws AllocationException {
        MemorySegment[] parts = new MemorySegment[n];
        for (int i = 0; i < n; i++) {
            parts[i] = allocator.alloc(8); // expect: [owned-not-freed] "when the method ends"
        }
    }
}
