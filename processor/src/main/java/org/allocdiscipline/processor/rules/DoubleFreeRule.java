package org.allocdiscipline.processor.rules;

import org.allocdiscipline.processor.ownership.DoubleRelease;
import org.allocdiscipline.processor.ownership.OwnershipWording;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.Rule;

/**
 * {@code double-free}: a value released again after it may already have been released (freed,
 * closed, handed to an {@code @Owned} parameter). Reported at the second release only; the
 * analysis keeps it from also counting as a use after release.
 */
public final class DoubleFreeRule implements Rule {
    /** The rule's id, what it reports and how its findings are fixed. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.documented("double-free",
            "An owned value is released (freed, closed or handed on) a second time on some path.",
            "Release each value exactly once; after a release on a shared path, do not release it again.");

    /** Creates the rule; it reads the shared ownership analysis of each body. */
    public DoubleFreeRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(BodyContext context) {
        OwnershipWording words = new OwnershipWording(context.trees(), context.unit());
        for (DoubleRelease release : context.analyses().ownership(context.body()).doubleReleases()) {
            context.findings().report(release.release(), words.name(release.release().getLeaf())
                    + " releases " + words.value(release.allocation())
                    + ", which may already have been released on the way here"
                    + words.helper(release.helper(), false) + ".", DESCRIPTOR.fixHint());
        }
    }
}
