package org.allocdiscipline.processor.ffm;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import org.allocdiscipline.processor.flow.BodyScanner;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.model.ApiModel.ArenaKind;

/**
 * Which arena an expression of one body holds, or which arena's segment: followed through the body's
 * local variables, the final fields of the compilation unit, {@code allocate...} calls, views
 * ({@code asSlice}, {@code reinterpret(size)}, {@code asReadOnly}) and {@code reinterpret(..., arena, ...)}.
 *
 * <p>A local has an origin when it is declared with an initializer (or assigned later) and every value
 * the body stores in it has the same origin; parameters, loop variables, pattern and catch variables have
 * none. This needs no flow analysis: the locals a lambda or an inner class captures are effectively final,
 * so they have one value. Values passed through calls, collections, arrays or non-final fields are not
 * followed.
 */
public final class ArenaOrigins {
    /**
     * Where a value comes from.
     *
     * @param kind the kind of arena
     * @param segment false for the arena itself, true for a segment allocated from it (or a view of one)
     * @param factory the {@code Arena.ofConfined()} (or other factory) call that made the arena
     */
    public record Origin(ArenaKind kind, boolean segment, Tree factory) {
        boolean sameAs(Origin other) {
            return other != null && kind == other.kind && segment == other.segment;
        }
    }

    private final Trees trees;
    private final ForeignTypes types;
    private final TreePath anchor;
    private final Map<Element, Origin> locals;
    private final Map<Element, Origin> fields = new HashMap<>();

    private ArenaOrigins(Trees trees, ForeignTypes types, TreePath anchor) {
        this.trees = trees;
        this.types = types;
        this.anchor = anchor;
        this.locals = new HashMap<>();
    }

    /**
     * The origins of the locals one body declares (not those of the lambdas and classes inside it).
     *
     * @param trees the compiler's tree utilities
     * @param types subtype tests
     * @param body the body's code
     * @return the origins
     */
    public static ArenaOrigins of(Trees trees, ForeignTypes types, TreePath body) {
        ArenaOrigins origins = new ArenaOrigins(trees, types, body);
        origins.solve(definitions(trees, body));
        return origins;
    }

    /**
     * Whether the body declares a local with an origin.
     *
     * @return true if some local holds an arena or a segment of one
     */
    public boolean anyLocal() {
        return !locals.isEmpty();
    }

    /**
     * The origin of a local of this body.
     *
     * @param local a local variable
     * @return its origin, or null
     */
    public Origin ofLocal(Element local) {
        return locals.get(local);
    }

    /**
     * The origin of an expression.
     *
     * @param expression the expression
     * @return its origin, or null when it is not known to hold an arena or a segment of one
     */
    public Origin of(ExpressionTree expression) {
        switch (expression.getKind()) {
            case PARENTHESIZED:
                return of(((ParenthesizedTree) expression).getExpression());
            case TYPE_CAST:
                return of(((TypeCastTree) expression).getExpression());
            case ASSIGNMENT:
                return of(((AssignmentTree) expression).getExpression());
            case CONDITIONAL_EXPRESSION: {
                ConditionalExpressionTree conditional = (ConditionalExpressionTree) expression;
                Origin whenTrue = of(conditional.getTrueExpression());
                return whenTrue != null && whenTrue.sameAs(of(conditional.getFalseExpression())) ? whenTrue : null;
            }
            case METHOD_INVOCATION:
                return ofCall((MethodInvocationTree) expression);
            case IDENTIFIER:
            case MEMBER_SELECT:
                return ofName(expression);
            default:
                return null;
        }
    }

    private Origin ofCall(MethodInvocationTree call) {
        if (!(element(call) instanceof ExecutableElement method)) {
            return null;
        }
        ArenaKind kind = ApiModel.arenaKind(method);
        if (kind != null) {
            return new Origin(kind, false, call);
        }
        ExpressionTree receiver = call.getMethodSelect() instanceof MemberSelectTree select ? select.getExpression() : null;
        if (receiver != null && ApiModel.isSegmentAllocation(method)
                && types.ownerIsA(method).test(ApiModel.SEGMENT_ALLOCATOR)) {
            Origin arena = of(receiver);
            return arena != null && !arena.segment() ? new Origin(arena.kind(), true, arena.factory()) : null;
        }
        if (receiver != null && ApiModel.isSegmentView(method)) {
            Origin segment = of(receiver);
            return segment != null && segment.segment() ? segment : null;
        }
        int arenaArgument = ApiModel.arenaParameter(method);
        if (arenaArgument >= 0 && arenaArgument < call.getArguments().size()) {
            Origin arena = of(call.getArguments().get(arenaArgument));
            return arena != null && !arena.segment() ? new Origin(arena.kind(), true, arena.factory()) : null;
        }
        return null;
    }

    private Origin ofName(ExpressionTree name) {
        Element element = element(name);
        if (element == null) {
            return null;
        }
        if (isLocal(element)) {
            return locals.get(element);
        }
        if (element.getKind() == ElementKind.FIELD && element.getModifiers().contains(Modifier.FINAL)) {
            return ofField(element);
        }
        return null;
    }

    /**
     * What a final field holds. A final field declared in the sources being compiled holds what its
     * initializer makes; one without an initializer, of a class the body is in, what every constructor of
     * that class stores into it.
     *
     * @param field a final field
     * @return its origin, or null
     */
    public Origin ofField(Element field) {
        if (fields.containsKey(field)) {
            return fields.get(field);
        }
        fields.put(field, null);
        Tree declaration = trees.getTree(field);
        Origin origin = !(declaration instanceof VariableTree variable) ? null
                : variable.getInitializer() != null ? of(variable.getInitializer())
                : ApiModel.namesAllocatingType(variable.getType()) ? ofConstructorStores(field) : null;
        fields.put(field, origin);
        return origin;
    }

    /**
     * What the constructors of the field's class store into a final field, when they all store the same
     * kind of arena. Only a class around the body is read: its trees are the ones being checked, as javac
     * wrote them.
     */
    private Origin ofConstructorStores(Element field) {
        TreePath type = anchor;
        while (type != null && !(type.getLeaf() instanceof ClassTree && field.getEnclosingElement().equals(trees.getElement(type)))) {
            type = type.getParentPath();
        }
        if (type == null) {
            return null;
        }
        List<ExpressionTree> stored = new ArrayList<>();
        for (Tree member : ((ClassTree) type.getLeaf()).getMembers()) {
            if (member instanceof MethodTree constructor && constructor.getBody() != null
                    && constructor.getName().contentEquals("<init>")) {
                new BodyScanner<Void, Void>() {
                    @Override
                    public Void visitAssignment(AssignmentTree assignment, Void unused) {
                        if (field.equals(element(assignment.getVariable()))) {
                            stored.add(assignment.getExpression());
                        }
                        return super.visitAssignment(assignment, unused);
                    }
                }.scan(new TreePath(new TreePath(type, member), constructor.getBody()), null);
            }
        }
        Origin first = null;
        for (ExpressionTree value : stored) {
            Origin origin = of(value);
            if (origin == null || first != null && !first.sameAs(origin)) {
                return null;
            }
            first = first == null ? origin : first;
        }
        return first;
    }

    /** The element of a tree; on attributed trees javac reads only the leaf, so any parent serves. */
    private Element element(Tree tree) {
        return trees.getElement(new TreePath(anchor, tree));
    }

    private static boolean isLocal(Element element) {
        return element.getKind() == ElementKind.LOCAL_VARIABLE || element.getKind() == ElementKind.RESOURCE_VARIABLE;
    }

    /** Every local is known once all its definitions agree; more known locals only make more known. */
    private void solve(Map<Element, List<ExpressionTree>> definitions) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<Element, List<ExpressionTree>> local : definitions.entrySet()) {
                if (locals.containsKey(local.getKey()) || local.getValue().isEmpty()) {
                    continue;
                }
                Origin first = null;
                boolean agree = true;
                for (ExpressionTree value : local.getValue()) {
                    Origin origin = value == null ? null : of(value);
                    if (origin == null || first != null && !first.sameAs(origin)) {
                        agree = false;
                        break;
                    }
                    first = first == null ? origin : first;
                }
                if (agree) {
                    locals.put(local.getKey(), first);
                    changed = true;
                }
            }
        }
    }

    /**
     * For each local the body declares, every value stored into it; a null entry stands for a value the
     * body cannot see (a parameter, a loop or pattern variable, an increment).
     */
    private static Map<Element, List<ExpressionTree>> definitions(Trees trees, TreePath body) {
        Map<Element, List<ExpressionTree>> definitions = new LinkedHashMap<>();
        new BodyScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree variable, Void unused) {
                Element element = trees.getElement(getCurrentPath());
                if (element != null && isLocal(element)) {
                    List<ExpressionTree> values = definitions.computeIfAbsent(element, e -> new ArrayList<>());
                    Tree.Kind parent = getCurrentPath().getParentPath().getLeaf().getKind();
                    boolean declaredOnly = parent == Tree.Kind.BLOCK || parent == Tree.Kind.CASE;
                    if (variable.getInitializer() != null || !declaredOnly) {
                        values.add(variable.getInitializer());
                    }
                }
                return super.visitVariable(variable, unused);
            }

            @Override
            public Void visitAssignment(AssignmentTree assignment, Void unused) {
                Element element = trees.getElement(new TreePath(getCurrentPath(), assignment.getVariable()));
                List<ExpressionTree> values = element == null ? null : definitions.get(element);
                if (values != null) {
                    values.add(assignment.getExpression());
                }
                return super.visitAssignment(assignment, unused);
            }

            @Override
            public Void visitCompoundAssignment(com.sun.source.tree.CompoundAssignmentTree assignment, Void unused) {
                Element element = trees.getElement(new TreePath(getCurrentPath(), assignment.getVariable()));
                List<ExpressionTree> values = element == null ? null : definitions.get(element);
                if (values != null) {
                    values.add(null);
                }
                return super.visitCompoundAssignment(assignment, unused);
            }
        }.scan(body, null);
        return definitions;
    }
}
