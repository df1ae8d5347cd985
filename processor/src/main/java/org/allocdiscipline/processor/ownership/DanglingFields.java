package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.DataflowResult;
import org.allocdiscipline.processor.flow.ForwardDataflow;
import org.allocdiscipline.processor.flow.OnDemandPathScanner;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * The class's {@code @Owned} fields in its methods other than {@code close()}: a method that frees such a
 * field must leave it holding a new value or {@code null}, on every exit, or {@code close()} frees the
 * old value again. The typical case is {@code free(storage); storage = alloc(n);}, which leaves
 * {@code storage} dangling when the allocation throws.
 *
 * <p>Methods that {@code close()} calls, directly or through the class's other methods, release the
 * fields on its behalf and are left alone; so are constructors and static methods, which find no
 * value in the fields to free.
 */
final class DanglingFields {
    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final MethodSummaries summaries;
    private final ArenaFields arenaFields;
    /** The class whose {@link #reachedFromClose} is cached: consecutive bodies are mostly of one class. */
    private Tree cachedClass;
    private Set<Element> cachedReached = Set.of();

    DanglingFields(Trees trees, OwnershipAnnotations annotations, MethodSummaries summaries, ArenaFields arenaFields) {
        this.trees = trees;
        this.annotations = annotations;
        this.summaries = summaries;
        this.arenaFields = arenaFields;
    }

    /**
     * The fields a body leaves dangling, in the order of its exits.
     *
     * @param cfg the graph of any body the analysis is given
     * @return nothing unless the body is an instance method, not {@code close()} nor called by it, of a
     *     class with {@code @Owned} fields and a {@code close()}
     */
    List<DanglingField> find(Cfg cfg) {
        TreePath body = cfg.body();
        if (!(body.getLeaf() instanceof MethodTree method) || method.getBody() == null
                || ApiModel.isClose(method.getName(), method.getParameters().size())
                || body.getParentPath() == null || !(body.getParentPath().getLeaf() instanceof ClassTree type)
                || !(trees.getElement(body) instanceof ExecutableElement element)
                || element.getKind() != ElementKind.METHOD || element.getModifiers().contains(Modifier.STATIC)) {
            return List.of();
        }
        MethodTree close = closeMethod(type);
        if (close == null) {
            return List.of();
        }
        Map<Element, TreePath> fields = OwnershipAnalysis.ownedFields(trees, body.getParentPath(), arenaFields);
        if (fields.isEmpty() || reachedFromClose(body.getParentPath(), close).contains(element)
                || !FieldMentions.mayRelease(method, fields.keySet(), type)) {
            return List.of();
        }
        OwnershipTransfer transfer = new OwnershipTransfer(trees, annotations, summaries, cfg, fields, FindingLog.DISCARD, false);
        DataflowResult<OwnershipState> result = ForwardDataflow.solve(cfg, transfer);
        if (!result.converged()) {
            return List.of();
        }
        List<DanglingField> found = new ArrayList<>();
        for (TreePath field : fields.values()) {
            Site site = new Site.Field((VariableTree) field.getLeaf());
            TreePath release = firstRelease(cfg, result, site);
            if (release == null) {
                continue;
            }
            boolean returns = false;
            for (CfgNode exit : cfg.normalExits()) {
                returns |= dangles(result.before(exit), site);
            }
            if (returns) {
                found.add(new DanglingField(release, site.tree(), release, null, method));
            }
            Set<Tree> throwers = Collections.newSetFromMap(new IdentityHashMap<>());
            for (CfgNode exit : cfg.exceptionalExits()) {
                if (dangles(result.before(exit), site) && exit.tree() != release.getLeaf() && throwers.add(exit.tree())) {
                    found.add(new DanglingField(exit.path(), site.tree(), release, exit.tree(), method));
                }
            }
        }
        return found;
    }

    private static boolean dangles(OwnershipState state, Site site) {
        return state != null && state.flagsOf(site).mayBeReleased();
    }

    /** The first node, in graph order, after which the field's value may be released; {@code null} if none. */
    private static TreePath firstRelease(Cfg cfg, DataflowResult<OwnershipState> result, Site site) {
        for (int id : cfg.reversePostOrder()) {
            CfgNode node = cfg.nodes().get(id);
            OwnershipState before = result.before(node);
            OwnershipState after = result.after(node);
            if (before != null && after != null && !node.isExit()
                    && !before.flagsOf(site).mayBeReleased() && after.flagsOf(site).mayBeReleased()) {
                return node.path();
            }
        }
        return null;
    }

    /** The class's {@code close()} with a body, or {@code null}. */
    static MethodTree closeMethod(ClassTree type) {
        for (Tree member : type.getMembers()) {
            if (member instanceof MethodTree method && ApiModel.isClose(method.getName(), method.getParameters().size())
                    && method.getBody() != null) {
                return method;
            }
        }
        return null;
    }

    /** The class's own methods that {@code close()} calls, directly or through other such methods. */
    private Set<Element> reachedFromClose(TreePath classPath, MethodTree close) {
        if (cachedClass == classPath.getLeaf()) {
            return cachedReached;
        }
        Element type = trees.getElement(classPath);
        Element top = summaries.outermost(classPath);
        Set<Element> reached = new HashSet<>();
        List<TreePath> pending = new ArrayList<>(List.of(new TreePath(classPath, close)));
        while (!pending.isEmpty()) {
            new OnDemandPathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    if (trees.getElement(getCurrentPath()) instanceof ExecutableElement callee
                            && type.equals(callee.getEnclosingElement()) && reached.add(callee)) {
                        TreePath path = summaries.declaration(callee, top);
                        if (path != null) {
                            pending.add(path);
                        }
                    }
                    return super.visitMethodInvocation(call, unused);
                }
            }.scan(pending.remove(pending.size() - 1), null);
        }
        cachedClass = classPath.getLeaf();
        cachedReached = reached;
        return reached;
    }
}
