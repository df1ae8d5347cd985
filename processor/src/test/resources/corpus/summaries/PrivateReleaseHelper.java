package corpus.summaries;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

// A private helper that frees what it is given takes it: the caller owes nothing after the call.
class PrivateReleaseHelper {
    void use(Allocator allocator) throws AllocationException {
        MemorySegment s = allocator.alloc(16);
        s.fill((byte) 1);
        release(allocator, s);
    }

    void closeIt(Allocator backing) {
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing);
        closeQuietly(gpa);
    }

    private static void release(Allocator allocator, MemorySegment segment) {
        if (segment != null) {
            allocator.free(segment);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // nothing to do
        }
    }
}
