package org.allocdiscipline.processor.ownership;

import static org.allocdiscipline.processor.ownership.SiteFlags.ABSENT;
import static org.allocdiscipline.processor.ownership.SiteFlags.OWNED;
import static org.allocdiscipline.processor.ownership.SiteFlags.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.Tree;
import java.lang.reflect.Proxy;
import java.util.Map;
import javax.lang.model.element.Element;
import org.junit.jupiter.api.Test;

/** How facts about boolean flags meet and split, without javac: elements and sites are stand-ins. */
class BranchFactsTest {
    private static final Site SITE = new Site.Allocation((Tree) Proxy.newProxyInstance(Tree.class.getClassLoader(),
            new Class<?>[] {Tree.class}, (proxy, method, args) -> switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "allocation site";
            }));
    private final Element big = FakeElements.named("big");
    private final Element verbose = FakeElements.named("verbose");

    @Test
    void pathsThatKnewAFlagKeepEachValuesFlagsApart() {
        BranchFacts allocated = facts(Map.of(big, true));
        BranchFacts skipped = facts(Map.of(big, false));
        BranchFacts joined = BranchFacts.join(allocated, Map.of(SITE, OWNED), skipped, Map.of());
        assertThat(joined.known()).isEmpty();
        assertThat(joined.guard(SITE, big)).isEqualTo(new BranchFacts.Guard(OWNED, ABSENT));
    }

    @Test
    void aTestOfTheFlagTakesTheMatchingSideAndRulesOutTheOther() {
        OwnershipState joined = state(Map.of(big, true), Map.of(SITE, OWNED))
                .join(state(Map.of(big, false), Map.of()));
        assertThat(joined.flagsOf(SITE)).isEqualTo(OWNED.union(ABSENT));
        assertThat(joined.assume(big, true).flagsOf(SITE)).isEqualTo(OWNED);
        assertThat(joined.assume(big, false).flagsOf(SITE)).isEqualTo(ABSENT);
        OwnershipState knownTrue = joined.assume(big, true);
        assertThat(knownTrue.assume(big, false)).as("the other branch is unreachable").isNull();
        assertThat(knownTrue.assume(big, true)).isSameAs(knownTrue);
    }

    @Test
    void twoFlagsThatBothTellThePathsApartEachSplitTheSite() {
        BranchFacts one = facts(Map.of(big, true, verbose, true));
        BranchFacts other = facts(Map.of(big, false, verbose, false));
        BranchFacts joined = BranchFacts.join(one, Map.of(SITE, OWNED), other, Map.of(SITE, RELEASED));
        assertThat(joined.guard(SITE, big)).isEqualTo(new BranchFacts.Guard(OWNED, RELEASED));
        assertThat(joined.guard(SITE, verbose)).isEqualTo(new BranchFacts.Guard(OWNED, RELEASED));
    }

    @Test
    void aFlagThatDoesNotTellThePathsApartMakesNoGuard() {
        BranchFacts one = facts(Map.of(big, true, verbose, true));
        BranchFacts other = facts(Map.of(big, true, verbose, false));
        BranchFacts joined = BranchFacts.join(one, Map.of(SITE, OWNED), other, Map.of(SITE, RELEASED));
        assertThat(joined.known()).containsExactly(Map.entry(big, true));
        assertThat(joined.guard(SITE, big)).isNull();
        assertThat(joined.guard(SITE, verbose)).isEqualTo(new BranchFacts.Guard(OWNED, RELEASED));
    }

    @Test
    void aGuardSurvivesAJoinWithAPathThatKnowsItsFlag() {
        BranchFacts guarded = new BranchFacts(Map.of(), Map.of(SITE, Map.of(big, new BranchFacts.Guard(OWNED, ABSENT))));
        BranchFacts knowsTrue = facts(Map.of(big, true));
        BranchFacts joined = BranchFacts.join(guarded, Map.of(SITE, OWNED.union(ABSENT)), knowsTrue, Map.of(SITE, RELEASED));
        assertThat(joined.guard(SITE, big)).isEqualTo(new BranchFacts.Guard(OWNED.union(RELEASED), ABSENT));
    }

    @Test
    void anotherAssignmentOrAnotherReleaseForgetsTheSplit() {
        OwnershipState joined = state(Map.of(big, true), Map.of(SITE, OWNED)).join(state(Map.of(big, false), Map.of()));
        assertThat(joined.edit().booleanValue(big, null).build().branches()).isEqualTo(BranchFacts.NONE);
        OwnershipState released = joined.edit().flags(SITE, RELEASED).build();
        assertThat(released.branches().guards()).isEmpty();
        assertThat(released.assume(big, false).flagsOf(SITE)).isEqualTo(RELEASED);
    }

    @Test
    void withoutFlagsTheJoinKeepsTheSharedEmptyFacts() {
        assertThat(BranchFacts.join(BranchFacts.NONE, Map.of(SITE, OWNED), BranchFacts.NONE, Map.of()))
                .isSameAs(BranchFacts.NONE);
    }

    private static BranchFacts facts(Map<Element, Boolean> known) {
        return new BranchFacts(known, Map.of());
    }

    private static OwnershipState state(Map<Element, Boolean> known, Map<Site, SiteFlags> flags) {
        return new OwnershipState(flags, Map.of(), Map.of(), facts(known));
    }
}
