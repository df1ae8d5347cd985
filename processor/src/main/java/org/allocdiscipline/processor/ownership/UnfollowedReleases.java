package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.Map;

/**
 * Owed values handed to releases the checker does not follow: an arena lent to a method or constructor
 * whose body is not read, or code (a lambda, method reference or anonymous class) that closes an arena or
 * an allocator, or frees a value, when it runs: a task that closes it when done, a fixture's release
 * action. The value stays owed by the body that made it; should it leak, the message names that code and
 * says how to suppress the finding, since no annotation can say that such code takes the value over.
 */
final class UnfollowedReleases {
    private final ExpressionValues values;
    private final ClosingCode closingCode;
    private final Map<Site, HelperRelease> helperReleases;

    UnfollowedReleases(ExpressionValues values, ClosingCode closingCode, Map<Site, HelperRelease> helperReleases) {
        this.values = values;
        this.closingCode = closingCode;
        this.helperReleases = helperReleases;
    }

    /**
     * @param in the state before the code is evaluated
     * @param code the path to the lambda, method reference or anonymous class
     */
    void captured(OwnershipState in, TreePath code) {
        if (in.locals().isEmpty() || !owesAny(in)) {
            return;
        }
        ClosingCode.Releases releases = closingCode.releasedBy(code);
        for (TreePath closed : releases.closed()) {
            handedTo(in, values.valueOf(closed, in), code.getLeaf(), HelperRelease.Kind.CLOSED_BY_CODE);
        }
        for (TreePath freed : releases.freed()) {
            handedTo(in, values.valueOf(freed, in), code.getLeaf(), HelperRelease.Kind.FREED_BY_CODE);
        }
    }

    /** Whether some value may still be owed here: only such a value's leak can name the code. */
    private static boolean owesAny(OwnershipState in) {
        for (SiteFlags flags : in.flags().values()) {
            if (flags.mayBeOwned()) {
                return true;
            }
        }
        return false;
    }

    /** An owed arena lent to a method or constructor whose body is not read. */
    void lentToUnread(OwnershipState in, LocalFact value, Tree call) {
        handedTo(in, value, call, HelperRelease.Kind.UNSEEN_ARENA);
    }

    private void handedTo(OwnershipState in, LocalFact value, Tree code, HelperRelease.Kind kind) {
        for (Site site : value.sites()) {
            if (!in.flagsOf(site).mayBeOwned()) {
                continue;
            }
            HelperRelease known = helperReleases.get(site);
            // Code that releases the value says more than an unread method it was lent to before.
            if (known == null || known.kind() == HelperRelease.Kind.UNREAD) {
                helperReleases.put(site, new HelperRelease(code, kind));
            }
        }
    }
}
