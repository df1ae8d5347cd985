package org.allocdiscipline.processor.flow;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Builds the {@link Cfg} of one body from javac's attributed trees, using only the public
 * compiler API. A builder is cheap and may be reused for many bodies of one compilation; it is
 * not thread-safe. A graph is never changed once built, so the builder hands out the same one each time
 * a body of the current compilation unit is asked for again.
 */
public final class CfgBuilder {
    private final Trees trees;
    private final ThrownTypes thrown;
    private final CfgOptions options;
    /**
     * The graphs built for the bodies of the current compilation unit: a private helper is solved once for
     * its summary and again when its own body is checked, a method of a class with owned fields once more
     * for its dangling fields, and each solve reads the same graph. Dropped when another unit comes.
     */
    private final Map<Tree, Cfg> built = new IdentityHashMap<>();
    private Tree unit;

    /**
     * Creates a builder for the trees of one compilation.
     *
     * @param trees    the compiler's trees
     * @param types    the compiler's type utilities
     * @param elements the compiler's element utilities
     * @param options  how exceptions and finally blocks are modelled
     */
    public CfgBuilder(Trees trees, Types types, Elements elements, CfgOptions options) {
        this.trees = trees;
        this.options = options;
        this.thrown = new ThrownTypes(trees, types, elements, options.uncheckedExceptions());
    }

    /**
     * Builds the graph of a body. Lambdas and class declarations inside it become single
     * {@link NodeKind#OPAQUE} nodes; build their bodies separately.
     *
     * @param body the path to a {@code MethodTree}, {@code LambdaExpressionTree}, an
     *             initializer {@code BlockTree}, or a field's {@code VariableTree}
     * @return the graph
     */
    public Cfg build(TreePath body) {
        Tree.Kind kind = body.getLeaf().getKind();
        if (kind != Tree.Kind.METHOD && kind != Tree.Kind.LAMBDA_EXPRESSION && kind != Tree.Kind.BLOCK
                && kind != Tree.Kind.VARIABLE) {
            throw new IllegalArgumentException("not a body: " + kind);
        }
        Tree root = body.getCompilationUnit();
        if (root != unit) {
            built.clear();
            unit = root;
        }
        Cfg cfg = built.get(body.getLeaf());
        if (cfg == null) {
            cfg = new CfgConstruction(trees, thrown, options).build(body);
            built.put(body.getLeaf(), cfg);
        }
        return cfg;
    }
}
