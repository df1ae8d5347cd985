package org.allocdiscipline.processor.rules;

import org.allocdiscipline.processor.ownership.OwnershipFindings;
import org.allocdiscipline.processor.ownership.OwnershipWording;
import org.allocdiscipline.processor.ownership.SegmentEscape;
import org.allocdiscipline.processor.ownership.UseAfterRelease;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.Rule;

/**
 * {@code use-after-free}: a variable read after its value was released on every path to the read,
 * by a free of its own or by the close of the region (arena, fixed buffer) that allocated it; or an
 * allocator's {@code asSegmentAllocator()} view used after that allocator was closed. A second release is
 * a {@code double-free}, not also this. A segment that escapes past the close of its arena (returned,
 * stored into a field, captured by code that outlives the close) is one too: whoever reads it later reads
 * freed memory.
 */
public final class UseAfterFreeRule implements Rule {
    /** The rule's id, what it reports and how its findings are fixed. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.documented("use-after-free",
            "An owned value is used after it was released on every path to the use, or a segment escapes past"
                    + " the close of its arena.",
            "Use the value before releasing it: move the free after its last use.");

    /** Creates the rule; it reads the shared ownership analysis of each body. */
    public UseAfterFreeRule() {
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
        OwnershipFindings found = context.analyses().ownership(context.body());
        for (UseAfterRelease use : found.usesAfterRelease()) {
            if (use.storedInto() != null) {
                context.findings().report(use.use(), words.name(use.use().getLeaf()) + " is stored into "
                        + words.name(use.storedInto()) + ", but its value from " + words.site(use.allocation())
                        + " belongs to the region " + words.site(use.closedRegion())
                        + ", which was closed on every path to here.", EscapeMessage.FIX_HINT);
            } else if (use.closedRegion() != null) {
                // A region's values come from calls, never from a declaration, so the site is a call.
                context.findings().report(use.use(), words.name(use.use().getLeaf()) + " is used, but its value from "
                        + words.site(use.allocation()) + " belongs to the region "
                        + words.site(use.closedRegion()) + ", which was closed on every path to here.",
                        "Use the value before the region is closed, or allocate it from an allocator that outlives"
                        + " the use.");
            } else if (use.throughView()) {
                context.findings().report(use.use(), words.name(use.use().getLeaf()) + " is used, but the allocator it"
                        + " views, " + words.site(use.allocation()) + ", was released on every path to here.",
                        "Allocate through the view only while its allocator is open.");
            } else {
                context.findings().report(use.use(), words.name(use.use().getLeaf()) + " is used after "
                        + words.value(use.allocation()) + " was released on every path to here.", DESCRIPTOR.fixHint());
            }
        }
        for (SegmentEscape escape : found.segmentEscapes()) {
            context.findings().report(escape.at(), EscapeMessage.of(words, escape), EscapeMessage.FIX_HINT);
        }
    }
}
