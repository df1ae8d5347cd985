package org.allocdiscipline.processor.rules;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import org.allocdiscipline.processor.ffm.ArenaOrigins;
import org.allocdiscipline.processor.ffm.ForeignTypes;
import org.allocdiscipline.processor.ffm.HiddenArenaUses;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.ownership.OwnershipWording;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.ClassContext;
import org.allocdiscipline.processor.rules.api.CodeBody;
import org.allocdiscipline.processor.rules.api.Rule;

/**
 * {@code hardcoded-allocator}: library code that names the global page allocator instead of taking
 * an {@code Allocator} from its caller, or allocates from an arena that hides its policy
 * ({@code Arena.ofAuto()}, {@code Arena.global()}) instead of taking an {@code Arena} or
 * {@code SegmentAllocator}. Zig's rule, "a reusable library takes an allocator from its caller", keeps
 * the choice of allocation policy with the one who knows the workload.
 *
 * <p>Every public static field of type {@code PageAllocator} declared in {@code PageAllocator}
 * ({@code INSTANCE} and its other modes) counts as the global page allocator. Each use is reported,
 * through a qualified name or a static import alike; the import itself is not a use. What counts as
 * allocating from a hidden arena is {@link HiddenArenaUses}'s to say. Generated code ({@code @Generated})
 * is exempt as composition roots are.
 */
public final class HardcodedAllocatorRule implements Rule {
    /** The rule's id, what it reports and how its findings are fixed. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.documented("hardcoded-allocator",
            "Library code names the global page allocator (PageAllocator.INSTANCE), or allocates from"
                    + " Arena.ofAuto() or Arena.global(), instead of taking an allocator from its caller.",
            "Take an Allocator (or Arena / SegmentAllocator) parameter and use it; only composition roots (main"
                    + " methods, test and lifecycle methods, @ChoosesAllocator) pick a concrete allocator.");

    private static final String NAMES = "names the global ";
    private static final Policy PAGE_ALLOCATOR = new Policy("Allocator allocator", "an allocator", "Allocator", null);
    /** The global page allocator's {@code asSegmentAllocator()}: FFM code that wants a {@code SegmentAllocator}. */
    private static final Policy PAGE_ALLOCATOR_VIEW = new Policy("SegmentAllocator allocator", "an allocator",
            "SegmentAllocator", null);

    /** The names class files give parameters without {@code -parameters}. */
    private static final Pattern SYNTHETIC_PARAMETER = Pattern.compile("arg\\d+");

    /** The final fields of the top-level class being checked that hold a hidden arena. */
    private final Set<Element> hiddenArenaFields = new HashSet<>();

    /** Creates the rule; between bodies it keeps only the current top-level class's arena fields. */
    public HardcodedAllocatorRule() {
    }

    /**
     * What the hidden choice is and what replaces it.
     *
     * @param parameter the parameter to add, such as {@code Allocator allocator}
     * @param thing what the caller should give, such as {@code an allocator}
     * @param typeName the simple name of the parameter's type
     * @param methodFix the fix hint for a method or lambda, when the usual one does not fit; else null
     */
    private record Policy(String parameter, String thing, String typeName, String methodFix) {
    }

    @Override
    public void checkClass(ClassContext context) {
        if (context.declaration().getParentPath().getLeaf() instanceof CompilationUnitTree) {
            hiddenArenaFields.clear();
        }
        ForeignTypes foreign = context.analyses().foreignTypes();
        for (Tree member : ((ClassTree) context.declaration().getLeaf()).getMembers()) {
            // Only fields with an initializer open every body of the class to the rule; a final field that
            // the constructors set is followed where a body is looked at anyway (its constructor names the
            // factory), since asking every body about it cost more than all the rest of the rule.
            if (member instanceof VariableTree field && field.getInitializer() != null) {
                TreePath path = new TreePath(context.declaration(), field);
                Element element = context.trees().getElement(path);
                if (element != null && element.getModifiers().contains(Modifier.FINAL)
                        && foreign.isA(element.asType(), ApiModel.SEGMENT_ALLOCATOR)) {
                    ArenaOrigins.Origin origin = ArenaOrigins.of(context.trees(), foreign, path).of(field.getInitializer());
                    if (origin != null && !origin.segment() && origin.kind().hidesPolicy()) {
                        hiddenArenaFields.add(element);
                    }
                }
            }
        }
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
        List<TreePath> candidates = context.body().parts().globalAllocatorCandidates();
        boolean hiddenArenas = !hiddenArenaFields.isEmpty() || namesArenaFactory(candidates);
        // The scope (a walk up the path, reading annotations, and a file's header) is asked only where
        // there is something to report: most candidates in FFM code are Arena.ofConfined(), which this
        // rule does not report.
        if (!hiddenArenas && !namesGlobalAllocator(context, candidates)
                || !context.scope().isLibraryCode(context.body().declaration())
                || context.scope().isGenerated(context.body().declaration())) {
            return;
        }
        if (hiddenArenas) {
            for (HiddenArenaUses.Use use : HiddenArenaUses.in(context.trees(), context.analyses().foreignTypes(),
                    context.analyses().arenaForwarding(), context.body().body())) {
                reportArena(context, use);
            }
        }
        if (insidePageAllocator(context)) {
            return;
        }
        // Candidates come in source order, a member select before the names inside it; once
        // `PageAllocator.INSTANCE` is reported, what it selects from is not a use of its own.
        Set<Tree> covered = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TreePath candidate : candidates) {
            if (covered.contains(candidate.getLeaf())
                    || !ApiModel.isGlobalAllocator(context.trees().getElement(candidate))) {
                continue;
            }
            report(context, candidate);
            for (Tree inner = candidate.getLeaf(); inner instanceof MemberSelectTree select; ) {
                inner = select.getExpression();
                covered.add(inner);
            }
        }
    }

    private static boolean namesArenaFactory(List<TreePath> candidates) {
        for (TreePath candidate : candidates) {
            if (ApiModel.HIDDEN_ARENA_FACTORY_NAMES.contains(nameOf(candidate.getLeaf()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesGlobalAllocator(BodyContext context, List<TreePath> candidates) {
        for (TreePath candidate : candidates) {
            if (ApiModel.isGlobalAllocator(context.trees().getElement(candidate))) {
                return true;
            }
        }
        return false;
    }

    /** The page allocator's own code defines the global instance; naming it there is no choice of policy. */
    private static boolean insidePageAllocator(BodyContext context) {
        for (Element e = context.body().element(); e != null; e = e.getEnclosingElement()) {
            if (e instanceof TypeElement type && type.getQualifiedName().contentEquals(ApiModel.PAGE_ALLOCATOR)) {
                return true;
            }
        }
        return false;
    }

    private void report(BodyContext context, TreePath use) {
        String named = NAMES + "PageAllocator." + nameOf(use.getLeaf());
        if (isViewed(use)) {
            report(context, use, named + " as a SegmentAllocator", PAGE_ALLOCATOR_VIEW, Optional.empty());
        } else {
            report(context, use, named, PAGE_ALLOCATOR, argumentDescription(context, use));
        }
    }

    /** Whether the global allocator is only named to view it as a SegmentAllocator: {@code INSTANCE.asSegmentAllocator()}. */
    private static boolean isViewed(TreePath use) {
        TreePath select = use.getParentPath();
        return select != null && select.getLeaf() instanceof MemberSelectTree member
                && select.getParentPath().getLeaf() instanceof MethodInvocationTree call
                && call.getMethodSelect() == member
                && ApiModel.isSegmentAllocatorView(member.getIdentifier(), call.getArguments().size());
    }

    private void reportArena(BodyContext context, HiddenArenaUses.Use use) {
        OwnershipWording wording = new OwnershipWording(context.trees(), context.unit());
        String arena = wording.name(use.origin().factory());
        Tree named = HiddenArenaUses.withoutParentheses(use.use()).getLeaf();
        String through = named == use.origin().factory() ? arena
                : wording.name(named) + ", which holds " + arena + " (line " + wording.line(use.origin().factory()) + ")";
        String verb = switch (use.how()) {
            case ALLOCATES -> "allocates from " + through;
            case HANDED_ON -> "allocates through " + through;
            case RETURNED -> "hands out " + through;
        };
        Policy policy = use.how() == HiddenArenaUses.How.RETURNED
                ? new Policy("Arena arena", "an arena", "Arena", "Let each caller choose its arena (Arena.ofConfined()"
                        + " in a try-with-resources, say) instead of asking for this one; or mark the method"
                        + " @ChoosesAllocator if it is a deliberate composition root.")
                : use.needsArena(context.analyses().foreignTypes())
                ? new Policy("Arena arena", "an arena", "Arena", null)
                : new Policy("SegmentAllocator allocator", "an allocator", "SegmentAllocator", null);
        Optional<String> handedTo = use.how() == HiddenArenaUses.How.HANDED_ON ? argumentDescription(context, use.use())
                : Optional.empty();
        report(context, use.use(), verb, policy, handedTo);
    }

    private void report(BodyContext context, TreePath use, String named, Policy policy, Optional<String> handedTo) {
        CodeBody body = context.body();
        String message;
        String fix;
        switch (body.kind()) {
            case FIELD_INITIALIZER -> {
                boolean isStatic = body.element().getModifiers().contains(Modifier.STATIC);
                String verb = named.startsWith(NAMES) ? " is initialised with the global " + named.substring(NAMES.length())
                        : "'s initializer " + named;
                message = (isStatic ? "Static field " : "Field ") + body.signature() + verb
                        + handedTo.map(h -> " " + h).orElse("") + ".";
                fix = isStatic
                        ? "Do not keep " + policy.thing() + " in static state: take " + parameter(policy)
                                + " parameter in the methods that allocate."
                        : inCompactSourceFile(context)
                                ? "A compact source file has no constructor to take an allocator: make one in main() and"
                                        + " pass it to the methods that allocate, instead of " + body.element().getSimpleName() + "."
                        : simpleOwner(body).isEmpty()
                                ? "Initialise " + body.element().getSimpleName() + " from " + parameter(policy)
                                        + " parameter of the method that creates this object."
                                : "Take " + parameter(policy) + " parameter in the constructors of " + simpleOwner(body)
                                        + " and initialise " + body.element().getSimpleName() + " from it.";
            }
            case INITIALIZER -> {
                message = "The initializer " + body.signature() + " " + named
                        + handedTo.map(h -> " " + h).orElse("") + ".";
                fix = "Move the allocation into code that takes " + parameter(policy) + " parameter from its caller.";
            }
            default -> {
                String where = body.kind() == CodeBody.Kind.LAMBDA ? "A lambda in " + body.signature() : body.signature();
                Optional<String> existing = parameterOfType(context, body.element(), policy);
                // A SegmentAllocator is wanted, and an Allocator parameter gives one.
                Optional<String> viewable = policy == PAGE_ALLOCATOR_VIEW
                        ? parameterOfType(context, body.element(), PAGE_ALLOCATOR) : Optional.empty();
                message = where + " " + named + handedTo.map(h -> " " + h).orElse("")
                        + " instead of taking " + policy.thing() + " from its caller.";
                if (policy.methodFix() != null) {
                    fix = policy.methodFix();
                } else if (existing.isPresent()) {
                    fix = "Use its parameter `" + existing.get() + "` instead.";
                } else if (viewable.isPresent()) {
                    fix = "Use its parameter `" + viewable.get() + "` instead (`" + viewable.get() + ".asSegmentAllocator()`).";
                } else if (isConvenienceOverload(context, use)) {
                    fix = "Remove this convenience overload and let callers pass their own " + policy.typeName()
                            + " to the overload it calls; or mark it @ChoosesAllocator if it is a deliberate"
                            + " composition root.";
                } else {
                    fix = "Add a parameter `" + policy.parameter() + "` to " + body.signature() + " and use it"
                            + handedTo.map(h -> " there").orElse("") + ".";
                }
            }
        }
        context.findings().report(use, message, fix);
    }

    private static String nameOf(Tree tree) {
        return tree instanceof MemberSelectTree select ? select.getIdentifier().toString()
                : tree instanceof IdentifierTree identifier ? identifier.getName().toString() : tree.toString();
    }

    /**
     * Whether the body belongs to the class javac declares for a compact source file (JEP 512): no source
     * names it, so its tree starts where its first member does.
     */
    private static boolean inCompactSourceFile(BodyContext context) {
        Element owner = context.body().element().getEnclosingElement();
        if (!(owner instanceof TypeElement type) || type.getNestingKind() != NestingKind.TOP_LEVEL) {
            return false;
        }
        ClassTree tree = context.trees().getTree(type);
        if (tree == null || tree.getMembers().isEmpty()) {
            return false;
        }
        SourcePositions positions = context.trees().getSourcePositions();
        long start = positions.getStartPosition(context.unit(), tree);
        // javac places the default constructor it adds where the class starts: it is no member of the source.
        Set<Tree> implicit = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (context.elements().getOrigin(constructor) == Elements.Origin.MANDATED) {
                implicit.add(context.trees().getTree(constructor));
            }
        }
        return start >= 0 && tree.getMembers().stream().anyMatch(member -> !implicit.contains(member)
                && positions.getStartPosition(context.unit(), member) == start);
    }

    private static String simpleOwner(CodeBody body) {
        Element owner = body.element().getEnclosingElement();
        return owner == null ? "the class" : owner.getSimpleName().toString();
    }

    /** "as argument `child` of ArenaAllocator(Allocator)" when the use is passed straight to a call or {@code new}. */
    private static Optional<String> argumentDescription(BodyContext context, TreePath use) {
        TreePath argument = use;
        TreePath parent = use.getParentPath();
        while (parent != null && (parent.getLeaf() instanceof ParenthesizedTree || parent.getLeaf() instanceof TypeCastTree)) {
            argument = parent;
            parent = parent.getParentPath();
        }
        if (parent == null) {
            return Optional.empty();
        }
        List<? extends ExpressionTree> arguments;
        if (parent.getLeaf() instanceof MethodInvocationTree call) {
            arguments = call.getArguments();
        } else if (parent.getLeaf() instanceof NewClassTree created) {
            arguments = created.getArguments();
        } else {
            return Optional.empty();
        }
        int index = arguments.indexOf(argument.getLeaf());
        if (index < 0 || !(calleeOf(context, parent) instanceof ExecutableElement callee)) {
            return Optional.empty();
        }
        List<? extends VariableElement> parameters = callee.getParameters();
        if (parameters.isEmpty()) {
            return Optional.empty();
        }
        VariableElement parameter = parameters.get(Math.min(index, parameters.size() - 1));
        String name = parameter.getSimpleName().toString();
        StringBuilder calleeName = new StringBuilder(callee.getKind() == ElementKind.CONSTRUCTOR
                ? callee.getEnclosingElement().getSimpleName() : callee.getSimpleName()).append('(');
        // Each parameter type by its simple name; a loop, as this runs once per finding, in code the JIT has
        // rarely compiled yet.
        String separator = "";
        for (VariableElement each : callee.getParameters()) {
            String type = context.types().erasure(each.asType()).toString();
            calleeName.append(separator).append(type, type.lastIndexOf('.') + 1, type.length());
            separator = ", ";
        }
        calleeName.append(')');
        // Without -parameters, class files name parameters arg0, arg1, ...: not worth quoting.
        return Optional.of(SYNTHETIC_PARAMETER.matcher(name).matches()
                ? "as an argument of " + calleeName
                : "as argument `" + name + "` of " + calleeName);
    }

    /** The method or constructor a call or {@code new} invokes. */
    private static Element calleeOf(BodyContext context, TreePath call) {
        Element element = context.trees().getElement(call);
        if (element == null && call.getLeaf() instanceof MethodInvocationTree invocation) {
            element = context.trees().getElement(new TreePath(call, invocation.getMethodSelect()));
        }
        return element;
    }

    /** "an `Allocator allocator`", as the fix hints phrase the parameter to add. */
    private static String parameter(Policy policy) {
        return (policy.typeName().startsWith("A") ? "an `" : "a `") + policy.parameter() + "`";
    }

    /** The name of a parameter of the policy's type (or a subtype) that the method already takes. */
    private static Optional<String> parameterOfType(BodyContext context, Element element, Policy policy) {
        if (!(element instanceof ExecutableElement method)) {
            return Optional.empty();
        }
        String typeName = switch (policy.typeName()) {
            case "Arena" -> ApiModel.ARENA;
            case "SegmentAllocator" -> ApiModel.SEGMENT_ALLOCATOR;
            default -> ApiModel.ALLOCATOR;
        };
        Predicate<TypeMirror> ofType;
        if (typeName.equals(ApiModel.ALLOCATOR)) {
            TypeElement allocator = context.elements().getTypeElement(typeName);
            if (allocator == null) {
                return Optional.empty();
            }
            TypeMirror allocatorType = context.types().erasure(allocator.asType());
            ofType = type -> context.types().isAssignable(type, allocatorType);
        } else {
            // The JDK's types: the compilation's shared subtype tests know them, without a look-up per finding.
            ofType = type -> context.analyses().foreignTypes().isA(type, typeName);
        }
        for (VariableElement parameter : method.getParameters()) {
            if (ofType.test(context.types().erasure(parameter.asType()))) {
                return Optional.of(parameter.getSimpleName().toString());
            }
        }
        return Optional.empty();
    }

    /**
     * A default-argument overload: a method or constructor whose whole body hands the global page
     * allocator straight to another overload of itself ({@code return make(PageAllocator.INSTANCE);}
     * or {@code this(PageAllocator.INSTANCE);}).
     */
    private static boolean isConvenienceOverload(BodyContext context, TreePath use) {
        if (!(context.body().declaration().getLeaf() instanceof MethodTree method) || method.getBody() == null) {
            return false;
        }
        List<? extends StatementTree> statements = method.getBody().getStatements();
        if (statements.size() != 1) {
            return false;
        }
        ExpressionTree expression = switch (statements.get(0)) {
            case ReturnTree ret -> ret.getExpression();
            case ExpressionStatementTree statement -> statement.getExpression();
            default -> null;
        };
        if (!(expression instanceof MethodInvocationTree call) || !call.getArguments().contains(use.getLeaf())) {
            return false;
        }
        Element callee = calleeOf(context, new TreePath(new TreePath(context.body().body(), statements.get(0)), call));
        Element self = context.body().element();
        return callee != null && callee.getSimpleName().contentEquals(self.getSimpleName())
                && callee.getEnclosingElement().equals(self.getEnclosingElement());
    }
}
