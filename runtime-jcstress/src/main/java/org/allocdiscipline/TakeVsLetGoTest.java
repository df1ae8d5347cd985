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
 * Two threads of one stripe refill from the stripe's current slab S, which has one free slot; the
 * second then frees a slot of S. One taker gets the free slot, the other finds S full and lets it
 * go, and the free pools S; or the free comes while S is still current and a taker gets the freed
 * slot. The old race: a taker that had read S as current took the freed slot after S was let go
 * and pooled, leaving a POOLED slab with no free slot (and the pool handing out a full slab).
 */
@JCStressTest
@Description("Two takers of one stripe around the slab's last free slot, and a free into it")
@Outcome(id = "S current", expect = ACCEPTABLE,
        desc = "The free came while S was current (or was seen by the second look after the let-go): a taker got the freed slot.")
@Outcome(id = "S pooled", expect = ACCEPTABLE,
        desc = "S was let go full and the free pooled it with the freed slot; a taker got a fresh slab.")
@Outcome(expect = FORBIDDEN, desc = "A broken invariant: a free lost, a slot held twice, a POOLED slab without a free slot, a refill without a slot, or an exception.")
@State
public class TakeVsLetGoTest {
    private final SlabProtocolFixture f = new SlabProtocolFixture(1);
    private final GpaSlab s = f.current(0, ALL & ~(1L << 15));
    private final GpaThreadCache first = f.cache();
    /** Holds slot 5 of S, the oldest entry, which its flush gives back. */
    private final GpaThreadCache second = f.cache(s, 5);

    {
        f.spare();
        f.spare();
    }

    @Actor
    public void take() {
        f.take(first, 0);
    }

    @Actor
    public void takeThenFree() {
        f.take(second, 0);
        f.give(second);
    }

    @Arbiter
    public void check(L_Result r) {
        String broken = f.broken();
        if (broken != null) {
            r.r1 = broken;
        } else if (first.count(SlabProtocolFixture.C) == 0 || second.count(SlabProtocolFixture.C) == 0) {
            r.r1 = "a refill took no slot";
        } else {
            r.r1 = switch (s.state()) {
                case GpaSlab.CURRENT -> "S current";
                case GpaSlab.POOLED -> "S pooled";
                case GpaSlab.ABANDONED -> "S abandoned full";
                default -> "S in state " + s.state();
            };
        }
    }
}
