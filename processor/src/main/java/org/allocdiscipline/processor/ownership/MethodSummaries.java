package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import org.allocdiscipline.processor.flow.BodyScanner;
import org.allocdiscipline.processor.flow.Cfg;
import org.allocdiscipline.processor.flow.CfgBuilder;
import org.allocdiscipline.processor.flow.CfgNode;
import org.allocdiscipline.processor.flow.DataflowResult;
import org.allocdiscipline.processor.flow.ForwardDataflow;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * The {@linkplain MethodSummary summaries} of the class's own methods, read from their bodies, so that
 * a private helper that frees what it is given, or a private factory that returns a fresh allocation,
 * needs no annotation. Only a method whose body is the one every call runs is summarised: a
 * constructor, or a method that is private, static or final, or declared in a final class (records
 * included); an overridable method keeps the contract its annotations state. And only from code of the
 * same top-level class: javac attributes one top-level class at a time, so another class's bodies are
 * not yet attributed, or already lowered, when this one is checked.
 *
 * <p>A summary is what the ownership analysis of the body leaves at its exits when every parameter (and,
 * for an instance method, every {@code @Owned} field of its class) is owned on entry. A method whose body
 * calls, makes and closes nothing that carries ownership is summarised without building its graph.
 * Recursion is solved by iteration: a method that is reached again while its summary is being computed
 * reads the summary assumed so far (at first: that the call never completes, so only the paths without
 * it count), and the computation is repeated until the summary stays the same (a few rounds at most;
 * then the method counts as having no effect). Each method
 * is summarised once per compilation. Not thread-safe.
 */
final class MethodSummaries {
    /** How deep summaries may nest (a helper's helper's ...), since each nested one runs inside its caller's analysis. */
    private static final int MAX_DEPTH = 8;
    /** How often a recursive method's summary is recomputed before it counts as having no effect. */
    private static final int MAX_ROUNDS = 4;
    /** How many summaries may be computed without being kept, while a cycle of helpers is solved. */
    private static final int MAX_TENTATIVE = 64;

    private final Trees trees;
    private final OwnershipAnnotations annotations;
    private final CfgBuilder builder;
    private final Map<ExecutableElement, MethodSummary> known = new HashMap<>();
    private final Map<ExecutableElement, OwnershipAnnotations.Signature> signatures = new HashMap<>();
    /** Every call of a method asks where it is declared: the answer is kept. */
    private final Map<ExecutableElement, Element> outermostOf = new HashMap<>();
    private final MethodDeclarations declarations;
    private final OwnershipReach reach;
    private final ArenaFields arenaFields;
    /** The methods whose summaries are being computed, innermost last, with the summary each is assumed to have. */
    private final List<ExecutableElement> stack = new ArrayList<>();
    private final Map<ExecutableElement, MethodSummary> assumed = new HashMap<>();
    /** The outermost stack index whose assumption the current computation read; {@link Integer#MAX_VALUE} if none. */
    private int dependsOn = Integer.MAX_VALUE;
    private int tentative;

    MethodSummaries(Trees trees, OwnershipAnnotations annotations, CfgBuilder builder, ArenaFields arenaFields) {
        this.trees = trees;
        this.arenaFields = arenaFields;
        this.declarations = new MethodDeclarations(trees);
        this.reach = new OwnershipReach(trees, annotations, declarations);
        this.annotations = annotations;
        this.builder = builder;
    }

    /**
     * How calls of a method from code of a top-level class transfer ownership: its annotations, and for
     * a method summarised from there, what its body does besides.
     *
     * @param method the called method or constructor
     * @param top the outermost class of the calling code
     * @return the signature
     */
    OwnershipAnnotations.Signature signature(ExecutableElement method, Element top) {
        MethodSummary summary = summary(method, top);
        if (summary == null || summary == MethodSummary.NONE) {
            return annotations.signature(method);
        }
        boolean cached = known.get(method) == summary;
        OwnershipAnnotations.Signature merged = cached ? signatures.get(method) : null;
        if (merged == null) {
            merged = merge(annotations.signature(method), summary);
            if (cached) {
                signatures.put(method, merged);
            }
        }
        return merged;
    }

    /** See {@link CallSignatures#ofOwnBody}. */
    OwnershipAnnotations.Signature ownSignature(ExecutableElement method, Element top) {
        return method.getModifiers().contains(Modifier.PRIVATE) ? signature(method, top) : annotations.signature(method);
    }

    private static OwnershipAnnotations.Signature merge(OwnershipAnnotations.Signature declared, MethodSummary summary) {
        List<Boolean> parameters = new ArrayList<>(declared.ownedParameters());
        for (int i = 0; i < parameters.size(); i++) {
            parameters.set(i, parameters.get(i) || i < summary.parameters().size() && MethodSummary.takenOnEveryPath(summary.parameters().get(i)));
        }
        return new OwnershipAnnotations.Signature(declared.method(), declared.ownedResult() || summary.freshResult(),
                parameters);
    }

    /**
     * The summary of a method as called from code of a top-level class.
     *
     * @param method the called method or constructor
     * @param top the outermost class of the calling code
     * @return its summary, or {@code null} when its body is not read from there (the annotations are the contract)
     */
    MethodSummary summary(ExecutableElement method, Element top) {
        if (!summarised(method, top)) {
            return null;
        }
        MethodSummary summary = known.get(method);
        if (summary != null) {
            return summary;
        }
        int index = stack.indexOf(method);
        if (index >= 0) {
            dependsOn = Math.min(dependsOn, index);
            return assumed.get(method);
        }
        if (stack.size() >= MAX_DEPTH || tentative >= MAX_TENTATIVE) {
            // Too deep, or a cycle too tangled: no effect, and nothing kept that depends on it.
            dependsOn = Math.min(dependsOn, stack.size() - 1);
            return MethodSummary.NONE;
        }
        return solve(method, top);
    }

    /** Computes a summary, repeating while it reads an assumption about itself that turns out wrong. */
    private MethodSummary solve(ExecutableElement method, Element top) {
        int depth = stack.size();
        int outerDependsOn = dependsOn;
        stack.add(method);
        MethodSummary assumption = MethodSummary.NEVER_COMPLETES;
        try {
            for (int round = 0; ; round++) {
                assumed.put(method, assumption);
                dependsOn = Integer.MAX_VALUE;
                MethodSummary result = compute(method, top);
                if (dependsOn < depth) {
                    // It read what an outer method was assumed to do: valid only for this round of that method.
                    tentative++;
                    outerDependsOn = Math.min(outerDependsOn, dependsOn);
                    return result;
                }
                if (dependsOn > depth || result.equals(assumption)) {
                    known.put(method, result);
                    return result;
                }
                if (round + 1 >= MAX_ROUNDS) {
                    known.put(method, MethodSummary.NONE);
                    return MethodSummary.NONE;
                }
                assumption = result;
            }
        } finally {
            stack.remove(depth);
            assumed.remove(method);
            dependsOn = outerDependsOn;
            if (stack.isEmpty()) {
                tentative = 0;
            }
        }
    }

    /**
     * @param method a method or constructor
     * @param top    the outermost class of the code that asks
     * @return its declaration when {@code top} declares it, else {@code null}
     */
    TreePath declaration(ExecutableElement method, Element top) {
        return declarations.of(method, top);
    }

    /** Which arena fields the classes own and close, for the bodies that calls of summarised methods analyse. */
    ArenaFields arenaFields() {
        return arenaFields;
    }

    /**
     * @param type a class
     * @param top  the outermost class of the code that asks
     * @return its declaration when {@code top} declares it, else {@code null}
     */
    TreePath typeDeclaration(Element type, Element top) {
        return top == null ? null : declarations.type(type, top);
    }

    /** Whether every call of the method runs the body it declares. */
    static boolean summarisable(ExecutableElement method) {
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.ABSTRACT) || modifiers.contains(Modifier.NATIVE)) {
            return false;
        }
        if (method.getKind() == ElementKind.CONSTRUCTOR) {
            return true;
        }
        return method.getKind() == ElementKind.METHOD
                && (modifiers.contains(Modifier.PRIVATE) || modifiers.contains(Modifier.STATIC)
                        || modifiers.contains(Modifier.FINAL)
                        || method.getEnclosingElement().getModifiers().contains(Modifier.FINAL));
    }

    /** The top-level class that declares an element. */
    static Element outermost(Element element) {
        Element top = null;
        for (Element e = element; e != null && e.getKind() != ElementKind.PACKAGE && e.getKind() != ElementKind.MODULE;
                e = e.getEnclosingElement()) {
            if (e instanceof TypeElement) {
                top = e;
            }
        }
        return top;
    }

    /** The top-level class around a path, or {@code null}. */
    Element outermost(TreePath path) {
        TreePath top = null;
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof ClassTree) {
                top = p;
            }
        }
        return top == null ? null : trees.getElement(top);
    }

    private MethodSummary compute(ExecutableElement method, Element top) {
        // Reach first: for most classes it knows without indexing the class's methods that nothing matters.
        if (!reach.mayMatter(method, top)) {
            return MethodSummary.NONE;
        }
        TreePath body = declarations.of(method, top);
        if (body == null || !(body.getLeaf() instanceof MethodTree tree) || tree.getBody() == null
                || body.getParentPath() == null || !(body.getParentPath().getLeaf() instanceof ClassTree)) {
            return MethodSummary.NONE;
        }
        boolean instance = method.getKind() == ElementKind.METHOD && !method.getModifiers().contains(Modifier.STATIC);
        Map<Element, TreePath> fields = instance ? OwnershipAnalysis.ownedFields(trees, body.getParentPath(), arenaFields) : Map.of();
        Cfg cfg = builder.build(body);
        OwnershipTransfer transfer = new OwnershipTransfer(trees, annotations, this, cfg, fields, FindingLog.DISCARD, true);
        DataflowResult<OwnershipState> result = ForwardDataflow.solve(cfg, transfer);
        if (!result.converged()) {
            return MethodSummary.NONE;
        }
        List<SiteFlags> parameters = new ArrayList<>();
        List<SiteFlags> parametersOnThrow = new ArrayList<>();
        for (VariableTree parameter : tree.getParameters()) {
            Site site = new Site.Parameter(parameter);
            parameters.add(parameterFlags(flagsAt(cfg.normalExits(), result, site), transfer.forgotten().contains(site)));
            parametersOnThrow.add(parameterFlags(flagsAt(cfg.exceptionalExits(), result, site),
                    transfer.forgotten().contains(site)));
        }
        Map<Tree, SiteFlags> fieldFlags = new IdentityHashMap<>();
        Map<Tree, SiteFlags> fieldFlagsOnThrow = new IdentityHashMap<>();
        for (TreePath field : fields.values()) {
            Site site = new Site.Field((VariableTree) field.getLeaf());
            fieldFlags.put(site.tree(), flagsAt(cfg.normalExits(), result, site));
            fieldFlagsOnThrow.put(site.tree(), flagsAt(cfg.exceptionalExits(), result, site));
        }
        boolean fresh = method.getKind() == ElementKind.METHOD && method.getReturnType().getKind() != TypeKind.VOID
                && freshResult(cfg, result, transfer);
        boolean completes = false;
        for (CfgNode exit : cfg.normalExits()) {
            completes |= result.before(exit) != null;
        }
        MethodSummary summary = new MethodSummary(completes, fresh, parameters, parametersOnThrow, fieldFlags,
                fieldFlagsOnThrow);
        return isEmpty(summary) ? MethodSummary.NONE : summary;
    }

    /** Whether the summary says nothing a caller acts on: no fresh result, nothing released. */
    private static boolean isEmpty(MethodSummary summary) {
        if (summary.freshResult() || !summary.completes()) {
            return false;
        }
        for (List<SiteFlags> flags : List.of(summary.parameters(), summary.parametersOnThrow(),
                List.copyOf(summary.fields().values()), List.copyOf(summary.fieldsOnThrow().values()))) {
            for (SiteFlags f : flags) {
                if (f.mayBeReleased() || f.mayBeAbsent()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The union of a site's flags over some exits. A field keeps {@link SiteFlags#ABSENT}: the method may
     * leave it null (a caller's field then holds nothing), as after {@code free(data); data = null;}.
     */
    private static SiteFlags flagsAt(List<CfgNode> exits, DataflowResult<OwnershipState> result, Site site) {
        SiteFlags flags = SiteFlags.NONE;
        for (CfgNode exit : exits) {
            OwnershipState state = result.before(exit);
            if (state != null) {
                flags = flags.union(state.flagsOf(site));
            }
        }
        return flags;
    }

    /**
     * A parameter's flags for its caller: absent (null) owes nothing, unless the method released the value
     * and then set the parameter to null, which is a release the caller must know of.
     */
    private static SiteFlags parameterFlags(SiteFlags flags, boolean forgotten) {
        boolean absent = flags.mayBeAbsent();
        SiteFlags present = flags.without(SiteFlags.ABSENT);
        return absent && forgotten ? present.union(SiteFlags.RELEASED) : present;
    }

    /**
     * Whether every {@code return} hands out a value the method made and still owns there, or
     * {@code null}, and at least one hands out such a value.
     */
    private static boolean freshResult(Cfg cfg, DataflowResult<OwnershipState> result, OwnershipTransfer transfer) {
        boolean any = false;
        for (CfgNode exit : cfg.normalExits()) {
            OwnershipState state = result.before(exit);
            if (state == null || !(exit.tree() instanceof ReturnTree)) {
                continue;
            }
            LocalFact value = transfer.returnedValue(exit, state);
            if (value == null || value.untracked()) {
                return false;
            }
            for (Site site : value.sites()) {
                SiteFlags flags = state.flagsOf(site);
                if (!(site instanceof Site.Allocation || site instanceof Site.Older)
                        || !flags.mayBeOwned() || flags.mayBeReleased() || flags.mayBeRegion()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** See {@link OwnershipAnalysis#recordEffects}. */
    EffectRecorder recordEffects(TreePath classPath) {
        return reach.record(classPath);
    }

    /**
     * Whether a call of a method from code of a top-level class may carry ownership through the method's
     * summary alone: the method is one of the class's own that a summary is read for.
     *
     * @param method the called method or constructor
     * @param top the outermost class of the calling code
     * @return false when only its annotations can make its calls carry ownership
     */
    boolean summarised(ExecutableElement method, Element top) {
        return top != null && top.equals(outermostOf.computeIfAbsent(method, MethodSummaries::outermost))
                && summarisable(method);
    }

    /** See {@link OwnershipAnalysis#bringsOwned}. */
    boolean bringsOwned(TreePath path) {
        return reach.isSource(path.getLeaf(), path);
    }

    /**
     * Whether a call of a method from code of a top-level class returns or takes an owned value.
     *
     * @param method the called method or constructor
     * @param top the outermost class of the calling code
     * @return false when it certainly carries no ownership
     */
    boolean carries(ExecutableElement method, Element top) {
        MethodSummary summary = summary(method, top);
        if (summary != null && summary != MethodSummary.NONE) {
            return true;
        }
        return reach.carriesByAnnotations(method);
    }

    /** See {@link OwnershipAnalysis#carriesByAnnotations}. */
    boolean carriesByAnnotations(ExecutableElement method) {
        return reach.carriesByAnnotations(method);
    }
}
