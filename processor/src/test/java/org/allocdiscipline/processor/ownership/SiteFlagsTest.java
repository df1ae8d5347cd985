package org.allocdiscipline.processor.ownership;

import static org.allocdiscipline.processor.ownership.SiteFlags.ABSENT;
import static org.allocdiscipline.processor.ownership.SiteFlags.NONE;
import static org.allocdiscipline.processor.ownership.SiteFlags.OWNED;
import static org.allocdiscipline.processor.ownership.SiteFlags.REGION;
import static org.allocdiscipline.processor.ownership.SiteFlags.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The questions the analysis asks of a site's flags, on the combinations where their answers differ. */
class SiteFlagsTest {

    @Test
    void aUnionHasWhatEitherSideHas() {
        SiteFlags some = OWNED.union(RELEASED);
        assertThat(some.mayBeOwned()).isTrue();
        assertThat(some.mayBeReleased()).isTrue();
        assertThat(some.mayBeRegion()).isFalse();
        assertThat(some).isEqualTo(RELEASED.union(OWNED)).isSameAs(RELEASED.union(OWNED));
        assertThat(some.without(OWNED)).isSameAs(RELEASED);
        assertThat(NONE.union(ABSENT).isAbsent()).isTrue();
    }

    @Test
    void releasedOnEveryPathAllowsNoOtherPath() {
        assertThat(RELEASED.releasedOnEveryPath()).isTrue();
        assertThat(RELEASED.union(ABSENT).releasedOnEveryPath()).isFalse();
        assertThat(RELEASED.union(OWNED).releasedOnEveryPath()).isFalse();
    }

    @Test
    void releasedWhereverPresentAllowsPathsWithoutTheValue() {
        assertThat(RELEASED.union(ABSENT).releasedWhereverPresent()).isTrue();
        assertThat(RELEASED.union(REGION).releasedWhereverPresent()).isFalse();
        assertThat(RELEASED.union(OWNED).releasedWhereverPresent()).isFalse();
        assertThat(ABSENT.releasedWhereverPresent()).isFalse();
    }

    @Test
    void aValueMayExistWhenOwnedOrFromARegion() {
        assertThat(OWNED.mayExist()).isTrue();
        assertThat(REGION.mayExist()).isTrue();
        assertThat(RELEASED.union(ABSENT).mayExist()).isFalse();
        assertThat(NONE.isNone()).isTrue();
        assertThat(ABSENT.isNone()).isFalse();
    }

    @Test
    void readsAsTheNamesOfItsFlags() {
        assertThat(OWNED.union(REGION)).hasToString("{owned, region}");
        assertThat(NONE).hasToString("{}");
    }
}
