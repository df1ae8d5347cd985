package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Map;

/**
 * Owed arenas handed to code the checker does not follow: a method or constructor whose body is not read,
 * or a lambda, method reference or anonymous class that closes the arena (a task that closes it when
 * done), whose running the checker does not follow. The value stays owed by the body that made it;
 * should it leak, the message names that code and says how to suppress the finding, since no annotation
 * can say that such code takes an arena over.
 */
final class ArenaCaptures {
    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final ExpressionValues values;
    private final ClosingCode closingCode;
    private final Map<Site, HelperRelease> helperReleases;

    ArenaCaptures(Trees trees, OwnershipAnnotations annotations, ExpressionValues values, ClosingCode closingCode,
                  Map<Site, HelperRelease> helperReleases) {
        this.trees = trees;
        this.annotations = annotations;
        this.values = values;
        this.closingCode = closingCode;
        this.helperReleases = helperReleases;
    }

    /**
     * @param in the state before the code is evaluated
     * @param code the path to the lambda, method reference or anonymous class
     */
    void captured(OwnershipState in, TreePath code) {
        if (in.locals().isEmpty()) {
            return;
        }
        for (TreePath closed : closingCode.closedBy(code)) {
            if (annotations.isArenaType(trees.getTypeMirror(closed))) {
                handedTo(in, values.valueOf(closed, in), code.getLeaf(), HelperRelease.Kind.CLOSED_BY_CODE);
            }
        }
    }

    /** An owed arena lent to a method or constructor whose body is not read. */
    void lentToUnread(OwnershipState in, LocalFact value, Tree call) {
        handedTo(in, value, call, HelperRelease.Kind.UNSEEN_ARENA);
    }

    private void handedTo(OwnershipState in, LocalFact value, Tree code, HelperRelease.Kind kind) {
        for (Site site : value.sites()) {
            if (in.flagsOf(site).mayBeOwned()) {
                helperReleases.putIfAbsent(site, new HelperRelease(code, kind));
            }
        }
    }
}
