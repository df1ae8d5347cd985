package corpus.ffmview;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import org.allocdiscipline.*;

// The global page allocator viewed as a SegmentAllocator hides the policy as INSTANCE itself does.
public final class PageAllocatorView {
    static final SegmentAllocator VIEW = PageAllocator.INSTANCE.asSegmentAllocator(); // expect: [hardcoded-allocator] "Static field corpus.ffmview.PageAllocatorView.VIEW is initialised with the global PageAllocator.INSTANCE as a SegmentAllocator. Fix: Do not keep an allocator in static state: take a `SegmentAllocator allocator` parameter"

    private PageAllocatorView() {
    }

    static SegmentAllocator forCallers() {
        return PageAllocator.INSTANCE.asSegmentAllocator(); // expect: [hardcoded-allocator] "forCallers() names the global PageAllocator.INSTANCE as a SegmentAllocator instead of taking an allocator from its caller. Fix: Add a parameter `SegmentAllocator allocator` to corpus.ffmview.PageAllocatorView.forCallers() and use it."
    }

    static void fill(SegmentAllocator allocator, String text) {
        consume(PageAllocator.INSTANCE.asSegmentAllocator(), text); // expect: [hardcoded-allocator] "Fix: Use its parameter `allocator` instead."
    }

    static long withAnAllocator(Allocator allocator, String text) {
        MemorySegment s = PageAllocator.THREAD_CONFINED.asSegmentAllocator().allocateFrom(text); // expect: [hardcoded-allocator] "names the global PageAllocator.THREAD_CONFINED as a SegmentAllocator instead of taking an allocator from its caller. Fix: Use its parameter `allocator` instead (`allocator.asSegmentAllocator()`)."
        long length = s.byteSize();
        PageAllocator.THREAD_CONFINED.free(s); // expect: [hardcoded-allocator] "names the global PageAllocator.THREAD_CONFINED instead"
        return length;
    }

    static void freedThroughAnother(String text) throws AllocationException {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE)) { // expect: [hardcoded-allocator]
            MemorySegment s = PageAllocator.INSTANCE.asSegmentAllocator().allocateFrom(text); // expect: [hardcoded-allocator] "as a SegmentAllocator"
            gpa.free(s); // expect: [wrong-allocator] "`gpa.free(...)` frees the value from `INSTANCE.asSegmentAllocator(...).allocateFrom(...)`"
        }
    }

    public static void main(String[] args) {
        // An entry point may choose the page allocator, and frees what it allocates.
        MemorySegment s = PageAllocator.INSTANCE.asSegmentAllocator().allocateFrom(args[0]);
        System.out.println(s.byteSize());
        PageAllocator.INSTANCE.free(s);
    }

    private static void consume(SegmentAllocator allocator, String text) {
        allocator.allocateFrom(text);
    }
}
