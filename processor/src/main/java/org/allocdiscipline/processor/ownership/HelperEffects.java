package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import org.allocdiscipline.processor.flow.CfgEdge;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.EdgeKind;
import org.allocdiscipline.processor.flow.NodeKind;

/**
 * What a call of one of the class's own summarised methods does at the call site beyond what a
 * signature says: an argument it releases on some paths only may be released afterwards; what it
 * releases before it throws is released on the call's exception edge; and, called on {@code this} from
 * a body that tracks the class's {@code @Owned} fields, the fields leave the call as its body leaves them
 * (a field it fills again with a new value is owned again).
 */
final class HelperEffects {
    private final Trees trees;
    private final ExpressionValues values;
    private final ReleaseChecks checks;
    private final CallSignatures signatures;
    private final Map<Element, TreePath> ownedFields;
    private final Element classElement;
    /** Stands for "no summary" in {@link #callees}. */
    private static final MethodSummary NOT_SUMMARISED = new MethodSummary(true, false, List.of(), List.of(), Map.of(), Map.of());

    private final Map<CfgNode, MethodSummary> callees = new IdentityHashMap<>();
    /** Per site, the call of a helper that released it: messages name it. */
    private final Map<Site, HelperRelease> helperReleases;

    HelperEffects(Trees trees, ExpressionValues values, ReleaseChecks checks, CallSignatures signatures,
                  Map<Element, TreePath> ownedFields, Element classElement, Map<Site, HelperRelease> helperReleases) {
        this.trees = trees;
        this.values = values;
        this.checks = checks;
        this.signatures = signatures;
        this.ownedFields = ownedFields;
        this.classElement = classElement;
        this.helperReleases = helperReleases;
    }

    /**
     * Whether no execution takes an edge out of a call: the callee never completes normally (it always
     * throws), or, while it is being summarised, a recursive call is assumed to complete in no way at all.
     */
    boolean cuts(CfgEdge edge) {
        MethodSummary summary = calleeSummary(edge.source());
        return summary != null && !summary.completes()
                && (edge.kind() != EdgeKind.EXCEPTION || summary == MethodSummary.NEVER_COMPLETES);
    }

    /**
     * The summary of the method a call or {@code new} runs, or {@code null}; asked for every edge out of
     * every call, so it is kept per node (within one solve an assumed summary does not change).
     */
    private MethodSummary calleeSummary(CfgNode node) {
        if (node.kind() != NodeKind.INVOCATION && node.kind() != NodeKind.NEW_CLASS) {
            return null;
        }
        MethodSummary known = callees.get(node);
        if (known == null) {
            known = trees.getElement(node.path()) instanceof ExecutableElement method ? signatures.summary(method) : null;
            callees.put(node, known == null ? NOT_SUMMARISED : known);
        }
        return known == NOT_SUMMARISED ? null : known;
    }

    /** An argument that a summarised callee takes on every path: messages about its value may name the call. */
    void released(LocalFact value, Tree call) {
        for (Site site : value.sites()) {
            helperReleases.put(site, new HelperRelease(call, HelperRelease.Kind.EVERY_PATH));
        }
    }

    /**
     * An owed value lent to a method whose body is not read: if the value then leaks, the message names
     * the call, since annotating its parameter {@code @Owned} may be the fix.
     */
    void lentToUnread(OwnershipState in, LocalFact value, Tree call) {
        for (Site site : value.sites()) {
            if (in.flagsOf(site).mayBeOwned()) {
                helperReleases.putIfAbsent(site, new HelperRelease(call, HelperRelease.Kind.UNREAD));
            }
        }
    }

    /**
     * An argument that the callee releases on some paths only: afterwards its value may be released,
     * and may still be owed.
     */
    void partlyReleased(OwnershipState.Builder out, OwnershipState in, LocalFact value, Tree call) {
        for (Site site : value.sites()) {
            SiteFlags flags = in.flagsOf(site);
            if (flags.mayBeOwned()) {
                out.flags(site, flags.union(SiteFlags.RELEASED));
                helperReleases.put(site, new HelperRelease(call, HelperRelease.Kind.SOME_PATHS));
            }
        }
    }

    /**
     * The state along the exception edge of a call of a summarised method: what the callee released
     * before it threw stays released. {@code null} when the call is no such call.
     */
    OwnershipState onThrow(CfgNode source, OwnershipState before) {
        MethodSummary summary = calleeSummary(source);
        if (summary == null || summary == MethodSummary.NONE
                || !(trees.getElement(source.path()) instanceof ExecutableElement method)) {
            return null;
        }
        // A constructor that throws leaves no object behind: what it stored into the new object's fields
        // is still the caller's, so only a method's releases hold on its exception edge.
        List<TreePath> arguments = source.kind() == NodeKind.NEW_CLASS ? List.of() : source.operands();
        OwnershipState.Builder out = before.edit();
        for (int i = 0; i < arguments.size(); i++) {
            SiteFlags thrown = summary.onThrow(i);
            if (!thrown.mayBeReleased()) {
                continue;
            }
            for (Site site : values.valueOf(arguments.get(i), before).sites()) {
                SiteFlags flags = before.flagsOf(site);
                if (flags.mayBeOwned()) {
                    out.flags(site, (thrown.mayBeOwned() ? flags : flags.without(SiteFlags.OWNED)).union(SiteFlags.RELEASED));
                }
            }
        }
        if (isHelperCall(source, method)) {
            fields(out, before, summary.fieldsOnThrow(), null);
        }
        return out.build();
    }

    /** Whether a call runs one of the class's own instance methods on {@code this}, with the fields tracked. */
    boolean isHelperCall(CfgNode call, ExecutableElement method) {
        return !ownedFields.isEmpty() && classElement != null && call.tree() instanceof MethodInvocationTree invocation
                && (!(invocation.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree select)
                        || OwnershipTrees.isThis(select.getExpression()))
                && isHelper(method, classElement);
    }

    /**
     * A call of one of the class's own helpers on {@code this}: each {@code @Owned} field that was owned
     * leaves the call as the helper's body leaves it; one that was already released and that the helper
     * releases on every path is released twice.
     */
    void fieldsOnReturn(OwnershipState.Builder out, OwnershipState in, ExecutableElement method, TreePath call) {
        MethodSummary summary = signatures.summary(method);
        if (summary != null) {
            fields(out, in, summary.fields(), call);
        }
        for (Map.Entry<Element, TreePath> field : ownedFields.entrySet()) {
            Site site = new Site.Field((VariableTree) field.getValue().getLeaf());
            if (in.flagsOf(site).mayBeReleased() && FieldAssignments.fills(trees, signatures.declaration(method), field.getKey())) {
                // The helper stored a new value in the field that the caller had freed: close() releases that one.
                out.flags(site, SiteFlags.OWNED);
            }
        }
    }

    private void fields(OwnershipState.Builder out, OwnershipState in, Map<Tree, SiteFlags> effect, TreePath call) {
        for (Map.Entry<Tree, SiteFlags> field : effect.entrySet()) {
            Site site = new Site.Field((VariableTree) field.getKey());
            SiteFlags after = field.getValue();
            if (after.isNone() || !after.mayBeReleased() && !after.mayBeAbsent()) {
                // The helper leaves the field owned on every path (or never returns this way).
                continue;
            }
            SiteFlags before = in.flagsOf(site);
            if (before.mayBeOwned()) {
                out.flags(site, before.without(SiteFlags.OWNED).union(after));
            } else if (call != null && before.releasedOnEveryPath() && after.releasedOnEveryPath()) {
                checks.doubleReleaseByHelper(call, site.tree());
            }
        }
    }

    /**
     * Whether a call of {@code method} on {@code this} from a method of {@code owner} runs exactly the
     * body that {@code owner} declares.
     */
    static boolean isHelper(ExecutableElement method, Element owner) {
        return method.getEnclosingElement().equals(owner)
                && !method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
                && MethodSummaries.summarisable(method);
    }
}
