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
 * A stripe finds its current slab S full and lets it go while another thread frees a slot of S:
 * the free must not be lost between "full" and the ABANDONED mark (the second look after the
 * mark), and S must end up either taken back or pooled, never abandoned with a free slot.
 */
@JCStressTest
@Description("Letting a full slab go races a free into it")
@Outcome(id = "S current again", expect = ACCEPTABLE,
        desc = "The free came first, or the stripe's second look saw it (or took S back from the pool): the stripe took the freed slot.")
@Outcome(id = "S pooled", expect = ACCEPTABLE,
        desc = "S was let go, the free pooled it with its free slot, the stripe took a fresh slab.")
@Outcome(expect = FORBIDDEN, desc = "A broken invariant: free lost, slot held twice, POOLED without a free slot, or an exception.")
@State
public class LetGoVsFreeTest {
    private final SlabProtocolFixture f = new SlabProtocolFixture(1);
    private final GpaSlab s = f.current(0, ALL);
    private final GpaSlab fresh = f.spare();
    private final GpaThreadCache taker = f.cache();
    private final GpaThreadCache freer = f.cache(s, 5);

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
        } else if (f.currentOf(0) == s && SlabProtocolFixture.held(taker, s) == 1L << 5) {
            r.r1 = "S current again";
        } else if (f.currentOf(0) == fresh && s.state() == GpaSlab.POOLED
                && SlabProtocolFixture.held(taker, fresh) != 0) {
            r.r1 = "S pooled";
        } else {
            r.r1 = "unexpected: S in state " + s.state() + ", taker holds " + taker.count(SlabProtocolFixture.C);
        }
    }
}
