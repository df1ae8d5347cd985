package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgBuilder;
import org.allocdiscipline.processor.flow.CfgOptions;
import org.allocdiscipline.processor.flow.DataflowResult;
import org.allocdiscipline.processor.flow.ForwardDataflow;
import org.allocdiscipline.processor.model.JavaBase;

/**
 * The ownership analysis, over one body at a time: which owned values
 * leak, are released twice, used after release, or released through the wrong allocator.
 * Bodies that create, take or release no owned value are skipped without building a graph.
 * One instance serves a whole compilation (it caches annotation lookups); not thread-safe.
 */
public final class OwnershipAnalysis {
    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final CfgBuilder builder;
    private final MethodSummaries summaries;
    private final ArenaFields arenaFields;
    private final DanglingFields danglingFields;
    private final EscapeRoutes escapeRoutes;
    private final boolean ownershipDeclared;

    /**
     * Creates the analysis for one compilation.
     *
     * @param trees    the compiler's trees
     * @param types    the compiler's type utilities
     * @param elements the compiler's element utilities
     * @param options  how the control-flow graphs model exceptions
     */
    public OwnershipAnalysis(Trees trees, Types types, Elements elements, CfgOptions options) {
        this.trees = trees;
        this.annotations = new OwnershipAnnotations(types, elements);
        this.builder = new CfgBuilder(trees, types, elements, options);
        this.arenaFields = new ArenaFields(trees, annotations);
        this.summaries = new MethodSummaries(trees, annotations, builder, arenaFields);
        this.danglingFields = new DanglingFields(trees, annotations, summaries, arenaFields);
        this.escapeRoutes = new EscapeRoutes(trees, annotations.foreignTypes());
        // Without @Owned or the JDK's Arena anywhere nothing can be owned: every body is skipped at once.
        this.ownershipDeclared = ownedVisible(elements);
    }

    /**
     * Whether {@code @Owned} or {@code java.lang.foreign.Arena} (whose factories return owned arenas) exists
     * in this compilation. Asking every module costs javac a search through
     * each of the JDK's modules (about 2 ms, the hundredth part of compiling a small library), so
     * {@code Arena} is asked of {@code java.base}, where it lives, and {@code @Owned} of the unnamed module,
     * which sees the class path, where the runtime is. Every module is asked only when both find nothing
     * (or when the compilation has no modules, as for {@code --release 8}).
     */
    private static boolean ownedVisible(Elements elements) {
        if (JavaBase.type(elements, ApiModel.ARENA) != null) {
            return true;
        }
        ModuleElement classPath = elements.getModuleElement("");
        if (classPath != null && elements.getTypeElement(classPath, ApiModel.OWNED) != null) {
            return true;
        }
        return !elements.getAllTypeElements(ApiModel.OWNED).isEmpty()
                || !elements.getAllTypeElements(ApiModel.ARENA).isEmpty();
    }

    /**
     * The annotation reader this analysis uses, for rules that need the same answers.
     *
     * @return the shared reader
     */
    public OwnershipAnnotations annotations() {
        return annotations;
    }

    /**
     * Analyses one body in full.
     *
     * @param body a path that {@link CfgBuilder#build} accepts (method, lambda, initializer, field)
     * @return the findings, in source order
     */
    public OwnershipFindings analyze(TreePath body) {
        return analyze(body, true);
    }

    /**
     * Analyses one body whose calls and creations were already tested with {@link #carriesOwnership}: a
     * body none of which carries ownership is done at once, as most bodies are.
     *
     * @param body a path that {@link CfgBuilder#build} accepts (method, lambda, initializer, field)
     * @param callsCarryOwnership whether some method invocation or {@code new} in the body, outside
     *     nested lambdas and classes, carries ownership
     * @return the findings, in source order
     */
    public OwnershipFindings analyze(TreePath body, boolean callsCarryOwnership) {
        if (!ownershipDeclared) {
            return OwnershipFindings.NONE;
        }
        Map<Element, TreePath> ownedFields = isCloseMethod(body) ? ownedFields(trees, body.getParentPath(), arenaFields)
                : Map.of();
        if (ownedFields.isEmpty() && !callsCarryOwnership && !takesOwned(body)) {
            // Freeing a field is a call that carries ownership: without one no field can be left dangling.
            return OwnershipFindings.NONE;
        }
        Cfg cfg = builder.build(body);
        List<DanglingField> dangling = danglingFields.find(cfg);
        // Findings are logged while solving: each node's last transfer ran on its final state.
        FindingLog log = new FindingLog(cfg.nodes().size());
        OwnershipTransfer transfer = new OwnershipTransfer(trees, annotations, summaries, cfg, ownedFields, log, false);
        DataflowResult<OwnershipState> result = ForwardDataflow.solve(cfg, transfer);
        if (!result.converged()) {
            return OwnershipFindings.GAVE_UP;
        }
        Findings findings = new Findings();
        log.replay(findings);
        for (SegmentEscape escape : new SegmentEscapes(trees, transfer, escapeRoutes, cfg, result).in(cfg)) {
            findings.segmentEscape(escape);
        }
        return findings.result(trees, dangling);
    }

    /**
     * The {@code @Owned} fields of a class that has no {@code close()} to release them; each is
     * a leak with reason {@link LeakReason#NO_CLOSE_METHOD}. Fields of a class that has a
     * {@code close()} are checked when that method is {@linkplain #analyze analysed}.
     *
     * @param classPath the path to a class declaration
     * @return one leak per such field, in source order
     */
    public List<Leak> fieldsWithoutClose(TreePath classPath) {
        if (!ownershipDeclared) {
            return List.of();
        }
        ClassTree type = (ClassTree) classPath.getLeaf();
        if (DanglingFields.closeMethod(type) != null) {
            return List.of();
        }
        List<Leak> leaks = new ArrayList<>();
        for (Map.Entry<Element, TreePath> field : ownedFields(trees, classPath, arenaFields).entrySet()) {
            if (!ApiModel.has(field.getKey(), ApiModel.OWNED) && arenaFields.closedByAMethod(classPath, field.getKey())) {
                continue;
            }
            leaks.add(new Leak(field.getValue(), LeakReason.NO_CLOSE_METHOD, type, null));
        }
        return leaks;
    }

    private static boolean isCloseMethod(TreePath body) {
        return body.getLeaf() instanceof MethodTree method && ApiModel.isClose(method.getName(), method.getParameters().size())
                && body.getParentPath() != null
                && body.getParentPath().getLeaf() instanceof ClassTree;
    }

    /**
     * The {@code @Owned} fields a class declares, by element, in source order, and the arena fields it owns
     * ({@link ArenaFields}) when given them.
     */
    static Map<Element, TreePath> ownedFields(Trees trees, TreePath classPath, ArenaFields arenaFields) {
        Map<Element, TreePath> fields = new LinkedHashMap<>();
        for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
            if (member instanceof VariableTree) {
                TreePath fieldPath = new TreePath(classPath, member);
                Element field = trees.getElement(fieldPath);
                if (field != null && field.getKind() == ElementKind.FIELD
                        && (ApiModel.has(field, ApiModel.OWNED)
                                || arenaFields != null && arenaFields.owns(classPath, field))) {
                    fields.put(field, fieldPath);
                }
            }
        }
        return fields;
    }

    /**
     * Whether a method invocation returns or takes an owned value, or a {@code new} makes or takes one.
     * The path's parent need not be the real one: on attributed trees javac reads only the leaf.
     *
     * @param call path to a {@code MethodInvocationTree} or {@code NewClassTree}
     * @return false when the call certainly carries no ownership
     */
    public boolean carriesOwnership(TreePath call) {
        if (!ownershipDeclared) {
            return false;
        }
        if (call.getLeaf() instanceof NewClassTree && annotations.isOwnedType(trees.getTypeMirror(call))) {
            return true;
        }
        return trees.getElement(call) instanceof ExecutableElement method && summaries.carries(method, summaries.outermost(call));
    }

    /** How a call may carry ownership, as told without reading any summary. */
    public enum CallOwnership {
        /** It carries none. */
        NONE,
        /** It carries ownership by its annotations, or makes an owned object. */
        CARRIES,
        /** Only the summary of its callee, one of the calling class's own methods, can tell. */
        BY_SUMMARY
    }

    /**
     * How a method invocation or {@code new} may carry ownership, told without computing a summary: the
     * body collector asks while it walks the class, before the summaries' reach has what that walk
     * records ({@link #recordEffects}), and asks {@link #carriesOwnership} after the walk for the calls
     * that only a summary can decide.
     *
     * @param call path to a {@code MethodInvocationTree} or {@code NewClassTree}; any parent of the class serves
     * @return {@link CallOwnership#BY_SUMMARY} exactly when {@link #carriesOwnership} would read a summary
     */
    public CallOwnership callOwnership(TreePath call) {
        if (!ownershipDeclared) {
            return CallOwnership.NONE;
        }
        if (call.getLeaf() instanceof NewClassTree && annotations.isOwnedType(trees.getTypeMirror(call))) {
            return CallOwnership.CARRIES;
        }
        if (!(trees.getElement(call) instanceof ExecutableElement method)) {
            return CallOwnership.NONE;
        }
        if (summaries.carriesByAnnotations(method)) {
            return CallOwnership.CARRIES;
        }
        return summaries.summarised(method, summaries.outermost(call)) ? CallOwnership.BY_SUMMARY : CallOwnership.NONE;
    }

    /**
     * A recorder for a walk over a top-level class that is made anyway, so that the summaries of the
     * class's methods need no walk of their own; {@code null} when nothing can be owned in this
     * compilation, as no summary is then asked for.
     *
     * @param classPath path to a top-level class
     * @return the recorder, or {@code null}
     */
    public EffectRecorder recordEffects(TreePath classPath) {
        return ownershipDeclared ? summaries.recordEffects(classPath) : null;
    }

    /**
     * Whether a tree brings an owned value into its class: a method or constructor whose annotations
     * carry ownership or that returns an arena, an {@code @Owned} or arena field, a call or {@code new}
     * that carries ownership by its annotations, a {@code new} of an owned type, a store into an owned
     * field. A top-level class none of whose trees does has no owned value anywhere: every body of it
     * is skipped by {@link #analyze} and {@link #fieldsWithoutClose} finds nothing, so it need not be
     * asked at all.
     *
     * @param path path to a method, a field, a method invocation, a {@code new} or an assignment; javac
     *     reads only the leaf of an attributed tree, so any parent serves
     * @return false when the tree brings no owned value in
     */
    public boolean bringsOwned(TreePath path) {
        return ownershipDeclared && summaries.bringsOwned(path);
    }

    /** Whether the body is a method that takes an owned parameter (which it then must release). */
    private boolean takesOwned(TreePath body) {
        if (!(body.getLeaf() instanceof MethodTree) || !(trees.getElement(body) instanceof ExecutableElement method)) {
            return false;
        }
        // Only a private method's own body is analysed under its summary; any other keeps its annotations.
        return (method.getModifiers().contains(Modifier.PRIVATE) || annotations.mayCarryOwnership(method))
                && summaries.ownSignature(method, summaries.outermost(body)).takesAny();
    }
}
