package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgBuilder;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.DataflowResult;
import org.allocdiscipline.processor.flow.ForwardDataflow;

/**
 * What a class's own helper methods do to its {@code @Owned} fields, so that a {@code close()}
 * that releases them through {@code releaseBuffers()} is read as releasing them. A helper is an
 * instance method of the same class, called on {@code this}, that no subclass can replace
 * (private or final, or declared in a final class), with its body in this compilation. Its effect
 * is what the ownership analysis of its own body, with every field owned on entry, leaves at its
 * normal exits; helpers it calls count in turn, and a helper that calls itself back has no
 * effect (the fields stay owned, as before helpers were read at all).
 *
 * <p>One instance serves a compilation; effects are computed once per helper. Not thread-safe.
 */
final class ReleaseHelpers {
    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final CfgBuilder builder;
    private final Map<ExecutableElement, Map<Tree, SiteFlags>> effects = new HashMap<>();
    private final Set<ExecutableElement> inProgress = new HashSet<>();

    ReleaseHelpers(Trees trees, OwnershipAnnotations annotations, CfgBuilder builder) {
        this.trees = trees;
        this.annotations = annotations;
        this.builder = builder;
    }

    /**
     * Whether a call of {@code method} on {@code this} from a method of {@code owner} runs exactly the
     * body that {@code owner} declares.
     *
     * @param method the called method
     * @param owner the class whose method makes the call
     * @return whether it is a helper whose effect can be read
     */
    static boolean isHelper(ExecutableElement method, Element owner) {
        Set<Modifier> modifiers = method.getModifiers();
        return method.getEnclosingElement().equals(owner) && !modifiers.contains(Modifier.STATIC)
                && !modifiers.contains(Modifier.ABSTRACT)
                && (modifiers.contains(Modifier.PRIVATE) || modifiers.contains(Modifier.FINAL)
                        || owner.getModifiers().contains(Modifier.FINAL));
    }

    /**
     * The flags each {@code @Owned} field has when the helper returns normally, given that every field
     * was owned when it was called. A field that it releases on every path has no {@link SiteFlags#OWNED}
     * flag there; a field it does not touch has only that flag.
     *
     * @param helper a method for which {@link #isHelper} holds
     * @param classPath the path to the class that declares it and the fields
     * @param ownedFields the class's {@code @Owned} fields
     * @return the flags by field declaration; empty when the effect cannot be known
     */
    Map<Tree, SiteFlags> effect(ExecutableElement helper, TreePath classPath, Map<Element, TreePath> ownedFields) {
        Map<Tree, SiteFlags> known = effects.get(helper);
        if (known != null) {
            return known;
        }
        if (!inProgress.add(helper)) {
            return Map.of();
        }
        try {
            Map<Tree, SiteFlags> effect = compute(helper, classPath, ownedFields);
            effects.put(helper, effect);
            return effect;
        } finally {
            inProgress.remove(helper);
        }
    }

    private Map<Tree, SiteFlags> compute(ExecutableElement helper, TreePath classPath, Map<Element, TreePath> ownedFields) {
        TreePath body = trees.getPath(helper);
        if (body == null || !(body.getLeaf() instanceof MethodTree method) || method.getBody() == null
                || body.getParentPath() == null || body.getParentPath().getLeaf() != classPath.getLeaf()) {
            return Map.of();
        }
        Cfg cfg = builder.build(body);
        OwnershipTransfer transfer = new OwnershipTransfer(trees, annotations, cfg, ownedFields, this, FindingLog.DISCARD);
        DataflowResult<OwnershipState> result = ForwardDataflow.solve(cfg, transfer);
        if (!result.converged()) {
            return Map.of();
        }
        Map<Tree, SiteFlags> effect = new IdentityHashMap<>();
        for (TreePath field : ownedFields.values()) {
            Site site = new Site.Field((VariableTree) field.getLeaf());
            SiteFlags flags = SiteFlags.NONE;
            for (CfgNode exit : cfg.normalExits()) {
                OwnershipState state = result.before(exit);
                if (state != null) {
                    flags = flags.union(state.flagsOf(site));
                }
            }
            effect.put(site.tree(), flags);
        }
        return effect;
    }
}
