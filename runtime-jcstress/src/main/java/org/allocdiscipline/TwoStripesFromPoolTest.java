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
 * Two stripes of one class find their current slabs full at once and both look in the class's
 * pool, which holds one slab S with one free slot; the thread of the second stripe first frees
 * another slot of S (racing the first stripe's take from S). Exactly one stripe gets S, and gets
 * at least one slot of it (a pooled slab always has a free slot: the old "a fresh slab had no
 * free slot"); the other takes a fresh slab; no slot is taken twice. (Two actors, as a 2-CPU
 * machine runs no more.)
 */
@JCStressTest
@Description("Two stripes take from the pool, and a free goes into the pooled slab")
@Outcome(id = "S to stripe 0, 1 slot", expect = ACCEPTABLE,
        desc = "Stripe 0 took S from the pool before the free, and got its one free slot.")
@Outcome(id = {"S to stripe 0, 2 slots", "S to stripe 1, 2 slots"}, expect = ACCEPTABLE,
        desc = "A stripe took S from the pool after the free (stripe 1 frees before it takes), and got both free slots.")
@Outcome(expect = FORBIDDEN, desc = "A broken invariant: S to both or neither stripe, slot held twice, a refill without a slot, or an exception.")
@State
public class TwoStripesFromPoolTest {
    private final SlabProtocolFixture f = new SlabProtocolFixture(2);
    private final GpaSlab s;
    private final GpaThreadCache stripe0 = f.cache();
    /** Holds slot 3 of S, which it frees before its refill. */
    private final GpaThreadCache stripe1;

    public TwoStripesFromPoolTest() {
        f.current(0, ALL);
        f.current(1, ALL);
        s = f.pooled(ALL & ~(1L << 15));
        stripe1 = f.cache(s, 3);
        f.spare();
        f.spare();
    }

    @Actor
    public void takeOnStripe0() {
        f.take(stripe0, 0);
    }

    @Actor
    public void freeThenTakeOnStripe1() {
        f.give(stripe1);
        f.take(stripe1, 1);
    }

    @Arbiter
    public void check(L_Result r) {
        String broken = f.broken();
        if (broken != null) {
            r.r1 = broken;
            return;
        }
        if (stripe0.count(SlabProtocolFixture.C) == 0 || stripe1.count(SlabProtocolFixture.C) == 0) {
            r.r1 = "a refill took no slot";
            return;
        }
        boolean to0 = f.currentOf(0) == s;
        boolean to1 = f.currentOf(1) == s;
        if (to0 == to1) {
            r.r1 = "S to " + (to0 ? "both stripes" : "neither stripe") + ", in state " + s.state();
            return;
        }
        int slots = Long.bitCount(SlabProtocolFixture.held(to0 ? stripe0 : stripe1, s));
        r.r1 = "S to stripe " + (to0 ? 0 : 1) + ", " + slots + (slots == 1 ? " slot" : " slots");
    }
}
