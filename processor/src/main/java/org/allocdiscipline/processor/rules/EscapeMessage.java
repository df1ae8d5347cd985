package org.allocdiscipline.processor.rules;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.Tree;
import org.allocdiscipline.processor.ownership.OwnershipWording;
import org.allocdiscipline.processor.ownership.SegmentEscape;

/**
 * How {@code use-after-free} words a segment that escapes past the close of its arena: what escapes, by
 * which route, which arena it belongs to, and where that arena is closed.
 */
final class EscapeMessage {
    /** How such a finding is fixed. */
    static final String FIX_HINT = "Copy what is needed out of the segment before the close (toArray, get), or"
            + " allocate it from an arena that outlives its use: the caller's (take a SegmentAllocator), or one kept"
            + " in a field next to the segment.";

    private EscapeMessage() {
    }

    static String of(OwnershipWording words, SegmentEscape escape) {
        Tree escaping = escape.at().getLeaf();
        String owner = escaping == escape.segment() ? "it" : words.value(escape.segment());
        return words.name(escaping) + " " + route(words, escape) + ", but it escapes past the close of its arena: "
                + owner + " belongs to " + words.site(escape.arena()) + ", which " + closer(words, escape.closedBy())
                + " on every path after this.";
    }

    private static String route(OwnershipWording words, SegmentEscape escape) {
        String leaves = switch (escape.route()) {
            case RETURNED -> "is returned";
            case FIELD, ARRAY_ELEMENT -> "is stored into " + words.name(escape.target());
            case OTHER_THREAD -> escape.runner().call() + " runs on another thread, and " + unwaited(words, escape.runner());
        };
        if (escape.code() == null) {
            return leaves;
        }
        String code = switch (escape.code().getKind()) {
            case LAMBDA_EXPRESSION -> "a lambda";
            case MEMBER_REFERENCE -> "a method reference";
            default -> "an anonymous class";
        };
        String held = escape.holder() == null ? "" : ", held in " + words.name(escape.holder()) + ",";
        return "is captured by " + code + held + " that " + leaves;
    }

    /** Why nothing waits for code another thread runs: nothing keeps the call's result, or it leaves the body. */
    private static String unwaited(OwnershipWording words, SegmentEscape.Runner runner) {
        if (runner.kept() == null) {
            return "nothing here waits for it";
        }
        String leaves = runner.kept() == SegmentEscape.Route.RETURNED ? "returned" : "stored into " + words.name(runner.keptIn());
        return "its " + runner.result() + " is " + leaves + " without waiting for it";
    }

    private static String closer(OwnershipWording words, Tree closedBy) {
        if (closedBy instanceof BlockTree block) {
            return "the try-with-resources closes at the end of its block (line " + words.endLine(block) + ")";
        }
        return words.name(closedBy) + " closes (line " + words.line(closedBy) + ")";
    }
}
