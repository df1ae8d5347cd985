package org.allocdiscipline.processor.rules;

import org.allocdiscipline.processor.ownership.DanglingField;
import org.allocdiscipline.processor.ownership.DoubleRelease;
import org.allocdiscipline.processor.ownership.OwnershipWording;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.Rule;

/**
 * {@code double-free}: a value released again after it may already have been released (freed,
 * closed, handed to an {@code @Owned} parameter). Reported at the second release only; the
 * analysis keeps it from also counting as a use after release. Also an {@code @Owned} field that a
 * method other than {@code close()} frees and leaves holding the freed memory (on a return, or when a
 * later call throws), since {@code close()} then frees it again.
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
    public boolean needsEveryClass() {
        return false;
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
        for (DanglingField dangling : context.analyses().ownership(context.body()).danglingFields()) {
            report(context, words, dangling);
        }
    }

    /** An {@code @Owned} field left holding freed memory, which {@code close()} frees again. */
    private static void report(BodyContext context, OwnershipWording words, DanglingField dangling) {
        String field = words.name(dangling.field());
        if (dangling.thrower() != null) {
            context.findings().report(dangling.at(), field + " still holds the memory freed on line "
                    + words.line(dangling.release().getLeaf()) + " when " + words.name(dangling.thrower())
                    + " throws; close() will free it again.",
                    "Allocate the new value first, then free the old one and assign; or set the field to null right after freeing it.");
        } else {
            context.findings().report(dangling.at(), "`" + dangling.method().getName() + "()` frees " + field
                    + " and may return without assigning it a new value or null; close() will free it again.",
                    "Set the field to null after freeing it (and test it for null in close()), or assign it a new value.");
        }
    }
}
