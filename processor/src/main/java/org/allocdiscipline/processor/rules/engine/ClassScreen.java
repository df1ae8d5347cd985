package org.allocdiscipline.processor.rules.engine;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.rules.api.SharedAnalyses;

/**
 * Decides with one walk over a top-level class whether the built-in rules can find anything in it.
 * They can only where one of these is in the class, nested, local and anonymous classes included:
 * <ul>
 * <li>a tree that brings an owned value in ({@link SharedAnalyses#bringsOwned}); without one the
 *     ownership analysis skips every body and no field is owned;</li>
 * <li>an arena factory's name ({@link CandidateNames}), which is where the hard-coded-allocator,
 *     unclosable-arena and wrong-thread rules start, or one of {@code PageAllocator}'s global
 *     allocators, which the hard-coded-allocator rule reports;</li>
 * <li>a final {@code SegmentAllocator} field with an initializer, which the hard-coded-allocator rule
 *     follows to an arena made elsewhere in the sources.</li>
 * </ul>
 * Most classes of most code have none, and for them nothing else runs: no bodies are listed, no
 * summaries, graphs or origins are made.
 */
final class ClassScreen {
    private final Trees trees;
    private final SharedAnalyses analyses;
    private final CandidateNames names;

    ClassScreen(Trees trees, SharedAnalyses analyses, CandidateNames names) {
        this.trees = trees;
        this.analyses = analyses;
        this.names = names;
    }

    /**
     * Whether the rules can find anything in a top-level class.
     *
     * @param classPath path to the class
     * @return false when they certainly find nothing there
     */
    boolean mayMatter(TreePath classPath) {
        Walker walker = new Walker(classPath);
        walker.scan(classPath.getLeaf(), null);
        return walker.found;
    }

    /** Stops at the first tree that matters; makes paths only for the trees it asks javac about. */
    private final class Walker extends TreeScanner<Void, Void> {
        // javac reads only the leaf of an attributed tree: the class is parent enough for every path.
        private final TreePath root;
        private boolean found;

        Walker(TreePath root) {
            this.root = root;
        }

        @Override
        public Void scan(Tree tree, Void unused) {
            if (found || tree == null) {
                return null;
            }
            if (mayBringOwned(tree) && analyses.bringsOwned(new TreePath(root, tree))) {
                found = true;
                return null;
            }
            return super.scan(tree, unused);
        }

        /** The trees that can bring an owned value in, fields aside (see {@link #visitClass}). */
        private static boolean mayBringOwned(Tree tree) {
            return tree instanceof MethodInvocationTree || tree instanceof NewClassTree || tree instanceof MethodTree
                    || tree instanceof AssignmentTree;
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
            found = candidate(node, node.getName());
            return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void unused) {
            if (candidate(node, node.getIdentifier())) {
                found = true;
                return null;
            }
            return super.visitMemberSelect(node, unused);
        }

        /**
         * Whether a name is a candidate a rule acts on. The rules start from an arena factory's name
         * whatever it denotes; a global allocator's name (INSTANCE, common in any code) matters only
         * where it denotes one of PageAllocator's constants, the one thing the rule reports of it.
         */
        private boolean candidate(Tree tree, Name name) {
            return names.matches(name) && (names.isArenaFactory(name)
                    || ApiModel.isGlobalAllocator(trees.getElement(new TreePath(root, tree))));
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            // Fields are members: locals, which are never owned fields, are not asked about.
            for (Tree member : node.getMembers()) {
                if (member instanceof VariableTree field && field(field)) {
                    found = true;
                    return null;
                }
            }
            return super.visitClass(node, unused);
        }

        private boolean field(VariableTree field) {
            TreePath path = new TreePath(root, field);
            if (analyses.bringsOwned(path)) {
                return true;
            }
            if (field.getInitializer() == null) {
                return false;
            }
            Element element = trees.getElement(path);
            return element != null && element.getModifiers().contains(Modifier.FINAL)
                    && analyses.foreignTypes().isA(element.asType(), ApiModel.SEGMENT_ALLOCATOR);
        }
    }
}
