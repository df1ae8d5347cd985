package corpus.collections;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.allocdiscipline.*;

// Values kept in a local list and all freed in a loop in finally: the list owns them until then.
class ListFreedInFinally {
    void fill(Allocator allocator, int n) throws AllocationException {
        List<MemorySegment> all = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                all.add(allocator.alloc(16));
            }
            consume(all);
        } finally {
            for (MemorySegment s : all) {
                allocator.free(s);
            }
        }
    }

    void named(Allocator allocator, int n) throws AllocationException {
        List<MemorySegment> all = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                MemorySegment s = allocator.alloc(16);
                all.add(s);
            }
        } finally {
            all.forEach(allocator::free);
        }
    }

    void indexed(Allocator allocator, int n) throws AllocationException {
        List<MemorySegment> all = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                all.add(allocator.alloc(16));
            }
        } finally {
            for (int i = 0; i < all.size(); i++) {
                allocator.free(all.get(i));
            }
        }
    }

    void lambda(Allocator allocator, int n) throws AllocationException {
        List<MemorySegment> all = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                all.add(allocator.alloc(16));
            }
        } finally {
            all.forEach(s -> allocator.free(s));
        }
    }

    private static void consume(List<MemorySegment> segments) {
        segments.forEach(s -> s.fill((byte) 0));
    }
}
