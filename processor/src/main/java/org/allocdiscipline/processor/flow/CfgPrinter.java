package org.allocdiscipline.processor.flow;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;

/**
 * A deterministic, line-per-node text dump of a {@link Cfg}, for test failure messages and
 * debugging. Only reachable nodes are printed.
 */
public final class CfgPrinter {
    private static final int MAX_TEXT = 48;

    private CfgPrinter() {
    }

    /**
     * Prints the reachable nodes in id order with their successors.
     *
     * @param cfg   the graph
     * @param trees used for line numbers; may be {@code null} to omit them
     * @return one line per reachable node
     */
    public static String print(Cfg cfg, Trees trees) {
        StringBuilder out = new StringBuilder();
        for (CfgNode node : cfg.reachableNodes(n -> true)) {
            out.append('#').append(node.id()).append(' ').append(node.kind());
            if (trees != null) {
                long line = line(trees, node);
                if (line > 0) {
                    out.append(" @").append(line);
                }
            }
            out.append(' ').append(shortText(node.tree()));
            if (node.exceptionType() != null) {
                out.append(" !").append(node.exceptionType());
            }
            if (!node.successors().isEmpty()) {
                out.append(" ->");
                for (CfgEdge edge : node.successors()) {
                    out.append(" #").append(edge.target().id());
                    if (edge.kind() != EdgeKind.NORMAL) {
                        out.append(':').append(edge.kind());
                    }
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The source line of a node's tree.
     *
     * @param trees the compiler's trees
     * @param node  the node
     * @return the 1-based line, or -1 if unknown
     */
    public static long line(Trees trees, CfgNode node) {
        CompilationUnitTree unit = node.path().getCompilationUnit();
        SourcePositions positions = trees.getSourcePositions();
        long start = positions.getStartPosition(unit, node.tree());
        LineMap lines = unit.getLineMap();
        return start < 0 || lines == null ? -1 : lines.getLineNumber(start);
    }

    static String shortText(Tree tree) {
        switch (tree.getKind()) {
            case METHOD:
                return "method " + ((MethodTree) tree).getName();
            case BLOCK:
                return "{...}";
            case CLASS, LAMBDA_EXPRESSION, TRY, SWITCH, SWITCH_EXPRESSION, CASE, CATCH, WHILE_LOOP,
                 DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP, SYNCHRONIZED, IF:
                return tree.getKind().name().toLowerCase(java.util.Locale.ROOT);
            default:
                String text = tree.toString().replaceAll("\\s+", " ");
                return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
        }
    }
}
