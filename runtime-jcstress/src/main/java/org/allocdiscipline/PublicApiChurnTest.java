package org.allocdiscipline;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two threads allocate, stamp, verify and free segments of the 4096-byte class on one allocator:
 * more than a slab's 16 slots each, three times over, so that slabs are let go, pooled, emptied
 * and formatted again while the other thread works. The rounds alternate two sizes of the class
 * (4096 and 4000 bytes), so that a thread takes slots it handed out before with another size as
 * well as with the same one (when it hands out the segment it made then). Each thread must get
 * segments of the size it asked for, read back only its own stamps, and every alloc and free must
 * succeed.
 */
@JCStressTest
@Description("Two threads churn the 4096-byte class of one allocator through the public API")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "Both threads saw only their own stamps; the allocator closed with nothing live.")
@Outcome(expect = FORBIDDEN, desc = "A thread saw another's stamp or a segment of another size (0) or got an exception (-1), or close failed.")
@State
public class PublicApiChurnTest {
    private static final int SEGMENTS = 20;
    private static final int ROUNDS = 3;
    private static final long[] SIZES = {4096, 4000};

    private final GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE, Safety.UNCHECKED);

    @Actor
    public void thread1(III_Result r) {
        r.r1 = churn(1);
    }

    @Actor
    public void thread2(III_Result r) {
        r.r2 = churn(2);
    }

    @Arbiter
    public void close(III_Result r) {
        try {
            gpa.close();
            r.r3 = 1;
        } catch (RuntimeException e) {
            r.r3 = -1;
        }
    }

    /** 1 if every segment read back its own stamps, 0 if not, -1 on an exception. */
    private int churn(int thread) {
        MemorySegment[] segments = new MemorySegment[SEGMENTS];
        try {
            int ok = 1;
            for (int round = 0; round < ROUNDS; round++) {
                long size = SIZES[round % SIZES.length];
                for (int i = 0; i < SEGMENTS; i++) {
                    segments[i] = gpa.alloc(size, 8);
                    if (segments[i].byteSize() != size) {
                        ok = 0;
                    }
                    segments[i].fill((byte) 0);
                    segments[i].set(ValueLayout.JAVA_LONG, 0, stamp(thread, round, i));
                    segments[i].set(ValueLayout.JAVA_LONG, size - 8, stamp(thread, round, i));
                }
                for (int i = 0; i < SEGMENTS; i++) {
                    if (segments[i].get(ValueLayout.JAVA_LONG, 0) != stamp(thread, round, i)
                            || segments[i].get(ValueLayout.JAVA_LONG, size - 8) != stamp(thread, round, i)) {
                        ok = 0;
                    }
                    gpa.free(segments[i]);
                }
            }
            return ok;
        } catch (Throwable e) {
            return -1;
        }
    }

    private static long stamp(int thread, int round, int i) {
        return ((long) thread << 32) | ((long) round << 16) | i;
    }
}
