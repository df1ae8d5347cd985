package org.allocdiscipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;

/**
 * A free binds its state change to the life of the slab it freed into: a free that runs late,
 * after the slab was emptied and formatted again, must not pool the slab's new life.
 */
class GpaSlabLifeTest {

    @Test
    void aStateChangeBoundToAnEarlierLifeIsRefused() {
        try (Arena arena = Arena.ofConfined();
                GeneralPurposeAllocator owner = new GeneralPurposeAllocator(PageAllocator.INSTANCE)) {
            MemorySegment memory = arena.allocate(GpaSlab.SIZE, GpaSlab.SIZE);
            GpaSizeClass sizeClass = new GpaSizeClass(owner, GpaSizeClass.MAX_SHIFT, 1);
            GpaSlab slab = new GpaSlab(memory);

            slab.format(sizeClass);
            int firstLife = slab.life();
            slab.setState(GpaSlab.EMPTY);
            slab.format(sizeClass);
            slab.setState(GpaSlab.ABANDONED);

            assertThat(slab.life()).isEqualTo(firstLife + 1);
            assertThat(slab.changeState(firstLife, GpaSlab.ABANDONED, GpaSlab.POOLED)).isFalse();
            assertThat(slab.state()).isEqualTo(GpaSlab.ABANDONED);
            assertThat(slab.changeState(slab.life(), GpaSlab.ABANDONED, GpaSlab.POOLED)).isTrue();
            assertThat(slab.state()).isEqualTo(GpaSlab.POOLED);
        }
    }
}
