package org.allocdiscipline;

import static org.allocdiscipline.SlabProtocolFixture.ALL;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

/**
 * The free of the last taken slot of a pooled slab S (which retires S: POOLED, EMPTYING, EMPTY in
 * the allocator's pool) races a stripe that finds its current slab full and takes S out of the
 * class's pool. S ends either CURRENT with the stripe's slots, or EMPTY in the allocator's pool
 * with no bit set; never both, never EMPTY with a slot taken.
 */
@JCStressTest
@Description("Emptying a pooled slab races a stripe taking it from the pool")
@Outcome(id = "S current", expect = ACCEPTABLE,
        desc = "The stripe took S from the class's pool (the free then left it CURRENT), or from the allocator's pool after it was retired.")
@Outcome(id = "S empty in the allocator's pool", expect = ACCEPTABLE,
        desc = "The free retired S while the stripe found the class's pool empty and took the other empty slab.")
@Outcome(expect = FORBIDDEN, desc = "A broken invariant: S current and empty at once, EMPTY with slots taken, slot held twice, or an exception.")
@State
public class EmptyingVsTakeTest {
    private final SlabProtocolFixture f = new SlabProtocolFixture(1);
    private final GpaSlab s;
    private final GpaSlab other;
    private final GpaThreadCache taker = f.cache();
    private final GpaThreadCache freer;

    public EmptyingVsTakeTest() {
        f.current(0, ALL);
        s = f.pooled(1L << 7);
        freer = f.cache(s, 7);
        other = f.spare();
    }

    @Actor
    public void stripe() {
        f.take(taker, 0);
    }

    @Actor
    public void free() {
        f.give(freer);
    }

    @Arbiter
    public void check(L_Result r) {
        String broken = f.broken();
        if (broken != null) {
            r.r1 = broken;
        } else if (s.state() == GpaSlab.CURRENT && f.currentOf(0) == s && !f.inAllocatorPool(s)
                && SlabProtocolFixture.held(taker, s) != 0 && f.inAllocatorPool(other)) {
            r.r1 = "S current";
        } else if (s.state() == GpaSlab.EMPTY && f.inAllocatorPool(s) && f.currentOf(0) == other
                && SlabProtocolFixture.held(taker, other) != 0) {
            r.r1 = "S empty in the allocator's pool";
        } else {
            r.r1 = "unexpected: S in state " + s.state() + ", other in state " + other.state();
        }
    }
}
