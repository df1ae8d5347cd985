package org.allocdiscipline.processor.ownership;

import static org.allocdiscipline.processor.ownership.SiteFlags.ABSENT;
import static org.allocdiscipline.processor.ownership.SiteFlags.NONE;
import static org.allocdiscipline.processor.ownership.SiteFlags.OWNED;
import static org.allocdiscipline.processor.ownership.SiteFlags.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.Tree;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import org.junit.jupiter.api.Test;

/**
 * Where two paths meet, without javac: the join that adds nothing gives back the state it was given (the
 * solver then needs no structural comparison), and the join that adds something still means what a
 * missing site ({@link SiteFlags#ABSENT}) and a missing local ({@link LocalFact#UNTRACKED}) mean.
 */
class OwnershipStateJoinTest {
    private static final Site FIRST = new Site.Allocation(tree("first"));
    private static final Site SECOND = new Site.Allocation(tree("second"));
    private final Element local = FakeElements.named("local");
    private final Element flag = FakeElements.named("flag");

    @Test
    void aPathThatAddsNothingLeavesTheStateAsItWas() {
        OwnershipState wider = flags(Map.of(FIRST, OWNED.union(ABSENT), SECOND, RELEASED));
        OwnershipState narrower = flags(Map.of(SECOND, RELEASED));
        assertThat(wider.join(narrower)).isSameAs(wider);
    }

    @Test
    void aSiteMissingOnOnePathMayBeAbsentAfterTheJoin() {
        OwnershipState owned = flags(Map.of(FIRST, OWNED));
        OwnershipState joined = owned.join(OwnershipState.EMPTY);
        assertThat(joined).isNotSameAs(owned);
        assertThat(joined.flagsOf(FIRST)).isEqualTo(OWNED.union(ABSENT));
        assertThat(OwnershipState.EMPTY.join(owned)).isEqualTo(joined);
    }

    @Test
    void whenTheOtherPathCoversThisOneTheJoinTakesItsFlags() {
        OwnershipState narrower = flags(Map.of(FIRST, OWNED));
        OwnershipState wider = flags(Map.of(FIRST, OWNED.union(RELEASED), SECOND, RELEASED.union(ABSENT)));
        OwnershipState joined = narrower.join(wider);
        assertThat(joined.flags()).isSameAs(wider.flags());
        assertThat(joined.flagsOf(SECOND)).isEqualTo(RELEASED.union(ABSENT));
    }

    @Test
    void noPathWithTheFlagsValueMeetsAMissingSiteAsAbsent() {
        OwnershipState none = flags(Map.of(FIRST, NONE));
        OwnershipState joined = none.join(OwnershipState.EMPTY);
        assertThat(joined.flags()).doesNotContainKey(FIRST);
        assertThat(joined.flagsOf(FIRST)).isEqualTo(ABSENT);
    }

    @Test
    void aLocalThatMayHoldMoreCoversOneThatHoldsLess() {
        LocalFact both = new LocalFact(Set.of(FIRST, SECOND), true, false, AllocatorIdentity.UNKNOWN);
        LocalFact first = new LocalFact(Set.of(FIRST), false, false, AllocatorIdentity.UNKNOWN);
        OwnershipState wide = locals(Map.of(local, both));
        assertThat(wide.join(locals(Map.of(local, first)))).isSameAs(wide);
        assertThat(wide.join(OwnershipState.EMPTY)).as("untracked on the other path: already allowed").isSameAs(wide);
        OwnershipState narrow = locals(Map.of(local, first));
        OwnershipState joined = narrow.join(OwnershipState.EMPTY);
        assertThat(joined.local(local)).isEqualTo(new LocalFact(Set.of(FIRST), true, false, AllocatorIdentity.UNKNOWN));
        assertThat(narrow.join(wide).locals()).isSameAs(wide.locals());
    }

    @Test
    void aRegionOnOnePathOnlyIsNoRegionAfterTheJoin() {
        LocalFact region = new LocalFact(Set.of(), false, true, AllocatorIdentity.UNKNOWN);
        LocalFact plain = new LocalFact(Set.of(), false, false, AllocatorIdentity.UNKNOWN);
        assertThat(region.covers(plain)).isFalse();
        assertThat(plain.covers(region)).isTrue();
        assertThat(locals(Map.of(local, region)).join(locals(Map.of(local, plain))).local(local)).isEqualTo(plain);
    }

    @Test
    void pathsThatKnowTheSameFlagValueKeepItAndTheirFacts() {
        BranchFacts knowsTrue = new BranchFacts(Map.of(flag, true), Map.of());
        BranchFacts joined = BranchFacts.join(knowsTrue, Map.of(FIRST, OWNED), new BranchFacts(Map.of(flag, true), Map.of()),
                Map.of(FIRST, RELEASED));
        assertThat(joined).isSameAs(knowsTrue);
        BranchFacts oneSideOnly = BranchFacts.join(knowsTrue, Map.of(FIRST, OWNED), BranchFacts.NONE, Map.of());
        assertThat(oneSideOnly).isSameAs(BranchFacts.NONE);
    }

    @Test
    void statesAreEqualByContentAndEqualStatesHashAlike() {
        AllocatorIdentity made = new AllocatorIdentity(tree("new"), null, false);
        OwnershipState one = new OwnershipState(new HashMap<>(Map.of(FIRST, OWNED)), Map.of(), Map.of(FIRST, made),
                new BranchFacts(Map.of(flag, true), Map.of(FIRST, Map.of(flag, new BranchFacts.Guard(OWNED, RELEASED)))));
        OwnershipState same = new OwnershipState(Map.of(FIRST, OWNED),
                Map.of(), new HashMap<>(Map.of(FIRST, new AllocatorIdentity(made.creation(), null, false))),
                new BranchFacts(new HashMap<>(Map.of(flag, true)),
                        Map.of(FIRST, Map.of(flag, new BranchFacts.Guard(OWNED, RELEASED)))));
        assertThat(same).isEqualTo(one).isNotSameAs(one);
        assertThat(same.hashCode()).isEqualTo(one.hashCode());
        assertThat(one).isNotEqualTo(new OwnershipState(one.flags(), one.locals(),
                Map.of(FIRST, new AllocatorIdentity(tree("new"), null, false)), one.branches()))
                .as("another new expression, another allocator");
        assertThat(one).isNotEqualTo(new OwnershipState(one.flags(), one.locals(), one.allocators(),
                new BranchFacts(Map.of(flag, true), Map.of(FIRST, Map.of(flag, new BranchFacts.Guard(OWNED, OWNED))))));
        assertThat(new AllocatorIdentity(null, null, true)).isNotEqualTo(AllocatorIdentity.UNKNOWN)
                .isEqualTo(new AllocatorIdentity(null, null, true))
                .hasSameHashCodeAs(new AllocatorIdentity(null, null, true));
    }

    private static OwnershipState flags(Map<Site, SiteFlags> flags) {
        return new OwnershipState(flags, Map.of(), Map.of(), BranchFacts.NONE);
    }

    private static OwnershipState locals(Map<Element, LocalFact> locals) {
        return new OwnershipState(Map.of(), locals, Map.of(), BranchFacts.NONE);
    }

    private static Tree tree(String name) {
        return (Tree) Proxy.newProxyInstance(Tree.class.getClassLoader(), new Class<?>[] {Tree.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> name;
                });
    }
}
