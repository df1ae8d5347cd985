package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * How the ownership rules name trees in their messages: short (a call is {@code allocator.alloc(...)},
 * never its whole argument list) and with the line, so a reader finds the path the message speaks of.
 */
public final class OwnershipWording {
    /** How a finding about a value handed to code the checker does not follow is silenced, as its message says. */
    private static final String SUPPRESS = "@SuppressWarnings(\"owned-not-freed\") on the variable or the method";

    private final Trees trees;
    private final CompilationUnitTree unit;
    private final SourcePositions positions;

    /**
     * Names trees of one compilation unit.
     *
     * @param trees the compiler's tree utilities
     * @param unit the unit the trees belong to
     */
    public OwnershipWording(Trees trees, CompilationUnitTree unit) {
        this.trees = trees;
        this.unit = unit;
        this.positions = trees.getSourcePositions();
    }

    /**
     * The line on which a tree starts.
     *
     * @param tree a tree of the unit
     * @return the 1-based line, or 0 when the tree has no position
     */
    public long line(Tree tree) {
        long start = positions.getStartPosition(unit, tree);
        return start < 0 ? 0 : unit.getLineMap().getLineNumber(start);
    }

    /**
     * The line on which a tree ends, such as the closing brace of a body.
     *
     * @param tree a tree of the unit
     * @return the 1-based line
     */
    public long endLine(Tree tree) {
        long end = positions.getEndPosition(unit, tree);
        return end <= 0 ? line(tree) : unit.getLineMap().getLineNumber(end - 1);
    }

    /**
     * A short name of an expression or declaration, in backquotes.
     *
     * @param tree the expression or declaration
     * @return such as {@code `allocator.alloc(...)`}
     */
    public String name(Tree tree) {
        return "`" + shortText(tree) + "`";
    }

    /**
     * The value an allocation site stands for, with its line: {@code the value from `allocator.alloc(...)`
     * (line 7)}, or for a declaration {@code the @Owned field `buffer` (line 9)} (a parameter likewise; an
     * arena field the class owns without the annotation is {@code the arena field `arena`}).
     *
     * @param site the allocation, or the declaration of an {@code @Owned} parameter or field
     * @return the phrase
     */
    public String value(Tree site) {
        if (site instanceof VariableTree variable) {
            // Only reporting asks, once per finding, so the search for the declaration's path is affordable.
            TreePath path = trees.getPath(unit, site);
            boolean field = path != null && path.getParentPath() != null
                    && path.getParentPath().getLeaf() instanceof ClassTree;
            // A field the class owns without the annotation holds an arena it made.
            Element element = field ? trees.getElement(path) : null;
            String kind = !field ? "the @Owned parameter `"
                    : element == null || ApiModel.has(element, ApiModel.OWNED) ? "the @Owned field `" : "the arena field `";
            return kind + variable.getName() + "` (line " + line(site) + ")";
        }
        return "the value from " + site(site);
    }

    /**
     * The name of the value an allocation site produces, with its line: {@code `allocator.alloc(...)` (line 7)}.
     *
     * @param site the allocation, or the declaration of an {@code @Owned} parameter or field
     * @return the name and line
     */
    public String site(Tree site) {
        if (site instanceof VariableTree variable) {
            return "`" + variable.getName() + "` (line " + line(site) + ")";
        }
        return name(site) + " (line " + line(site) + ")";
    }

    /**
     * What a message adds about a helper whose body released the value: {@code (`release(...)` on line 12
     * releases it only on some paths)} for a leak, {@code (released by `release(...)` on line 12)} otherwise;
     * or about a method whose body is not read that the leaked value was lent to, code an arena was handed
     * to that the checker does not read, or a record that keeps an arena without closing it.
     *
     * @param helper the helper's call, or {@code null}
     * @param leak whether the message is about a leak
     * @return the phrase with a leading space, or an empty string
     */
    public String helper(HelperRelease helper, boolean leak) {
        if (helper == null) {
            return "";
        }
        String call = name(helper.call()) + " on line " + line(helper.call());
        return switch (helper.kind()) {
            case UNREAD -> " (it was lent to " + call + ", whose body is not read: if that method frees it, annotate"
                    + " its parameter @Owned; otherwise free the value here)";
            case UNSEEN_ARENA -> " (it was handed to " + call + ", whose body the checker does not read: if that"
                    + " closes the arena, suppress this finding with " + SUPPRESS + "; otherwise close it here)";
            case CLOSED_BY_CODE -> unfollowedCode(helper, "closes it", "close it here");
            case FREED_BY_CODE -> unfollowedCode(helper, "frees it", "free it here");
            case RECORD_KEEPS -> " (it was moved into the record made by " + call + ", and nothing in that record"
                    + " closes it: close it here, give the record a close() that closes it, or, if other code closes it,"
                    + " suppress this finding with " + SUPPRESS + ")";
            case SOME_PATHS -> leak ? " (" + call + " releases it only on some paths)" : " (" + call + " releases it on some paths)";
            case EVERY_PATH -> " (released by " + call + ")";
        };
    }

    /** Code that releases the value when it runs, which the checker does not follow, and how to suppress the finding. */
    private String unfollowedCode(HelperRelease helper, String releases, String fix) {
        return " (" + code(helper.call()) + " on line " + line(helper.call()) + " " + releases + ", but the checker does"
                + " not follow when that code runs: if it always does, suppress this finding with " + SUPPRESS
                + "; otherwise " + fix + ")";
    }

    /** A lambda or anonymous class is named by what it is, a call by its short text. */
    private String code(Tree tree) {
        return switch (tree) {
            case LambdaExpressionTree ignored -> "the lambda";
            case NewClassTree created when created.getClassBody() != null -> "the anonymous class " + name(tree);
            default -> name(tree);
        };
    }

    private static String shortText(Tree tree) {
        return switch (tree) {
            case MethodInvocationTree call -> callee(call.getMethodSelect()) + "(...)";
            case NewClassTree created -> "new " + created.getIdentifier() + "(...)";
            case ParenthesizedTree parenthesized -> shortText(parenthesized.getExpression());
            case TypeCastTree cast -> shortText(cast.getExpression());
            case VariableTree variable -> variable.getName().toString();
            case IdentifierTree identifier -> identifier.getName().toString();
            case MemberSelectTree select -> callee(select);
            case ThrowTree ignored -> "throw";
            case ReturnTree ignored -> "return";
            case BreakTree ignored -> "break";
            default -> {
                String text = tree.toString().replaceAll("\\s+", " ");
                yield text.length() <= 40 ? text : text.substring(0, 37) + "...";
            }
        };
    }

    /** {@code allocator.alloc}, {@code Files.size}, {@code alloc}; a complex receiver becomes {@code (...)}. */
    private static String callee(ExpressionTree select) {
        if (select instanceof MemberSelectTree member) {
            ExpressionTree receiver = member.getExpression();
            String left = switch (receiver) {
                case IdentifierTree identifier -> identifier.getName().toString();
                // `java.nio.file.Files.size`, `this.allocator.alloc`: the last name is the one a reader knows.
                case MemberSelectTree inner -> inner.getIdentifier().toString();
                case MethodInvocationTree call -> callee(call.getMethodSelect()) + "(...)";
                default -> "(...)";
            };
            return left + "." + member.getIdentifier();
        }
        return select.toString();
    }

    /**
     * The simple name of an exception type, as a reader writes it.
     *
     * @param type the type
     * @return its simple name without type arguments
     */
    public static String simpleName(TypeMirror type) {
        String name = type.toString();
        int generic = name.indexOf('<');
        String raw = generic < 0 ? name : name.substring(0, generic);
        return raw.substring(raw.lastIndexOf('.') + 1);
    }
}
