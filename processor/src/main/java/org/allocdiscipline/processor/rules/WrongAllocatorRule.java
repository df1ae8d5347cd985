package org.allocdiscipline.processor.rules;

import org.allocdiscipline.processor.ownership.OwnershipWording;
import org.allocdiscipline.processor.ownership.WrongAllocator;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.Rule;

/**
 * {@code wrong-allocator}: a value freed through an allocator that provably did not allocate it
 * (two different {@code new} expressions, two different final allocator classes, or
 * {@code PageAllocator.INSTANCE} against an allocator made with {@code new}). The free still ends
 * the value's obligation, so no {@code owned-not-freed} follows from it.
 */
public final class WrongAllocatorRule implements Rule {
    /** The rule's id, what it reports and how its findings are fixed. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.documented("wrong-allocator",
            "An owned value is freed through an allocator that is provably not the one that allocated it.",
            "Free the value through the allocator that allocated it.");

    /** Creates the rule; it reads the shared ownership analysis of each body. */
    public WrongAllocatorRule() {
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
        for (WrongAllocator wrong : context.analyses().ownership(context.body()).wrongAllocators()) {
            context.findings().report(wrong.release(), words.name(wrong.release().getLeaf())
                    + " frees " + words.value(wrong.allocation())
                    + " through a different allocator than the one that allocated it.", DESCRIPTOR.fixHint());
        }
    }
}
