package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * Owed arenas that code the checker does not follow captures: a lambda, a method reference or an anonymous
 * class may close the arena later (a task that closes it when done), or may only use it. The value stays
 * owed by the body that made it; should it leak, the message names the code it was handed to and says how
 * to suppress the finding, since no annotation can say that such code takes an arena over.
 */
final class ArenaCaptures {
    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final Map<Site, HelperRelease> helperReleases;

    ArenaCaptures(Trees trees, OwnershipAnnotations annotations, Map<Site, HelperRelease> helperReleases) {
        this.trees = trees;
        this.annotations = annotations;
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
        Tree at = code.getLeaf();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree identifier, Void unused) {
                Element variable = trees.getElement(getCurrentPath());
                if (variable != null && OwnershipTrees.isLocal(variable) && annotations.isArenaType(variable.asType())) {
                    handedTo(in, in.local(variable), at);
                }
                return null;
            }
        }.scan(code, null);
    }

    /** An owed arena lent to a method or constructor whose body is not read. */
    void lentToUnread(OwnershipState in, LocalFact value, Tree call) {
        handedTo(in, value, call);
    }

    private void handedTo(OwnershipState in, LocalFact value, Tree code) {
        for (Site site : value.sites()) {
            if (in.flagsOf(site).mayBeOwned()) {
                helperReleases.putIfAbsent(site, new HelperRelease(code, HelperRelease.Kind.UNSEEN_ARENA));
            }
        }
    }
}
