package org.allocdiscipline.processor.rules.engine;

import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import org.allocdiscipline.processor.model.ApiModel;
import org.allocdiscipline.processor.ownership.ClassInterest;
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
 * summaries, graphs or origins are made. The walk is the one the summaries' reach makes anyway
 * ({@link SharedAnalyses#screen}): a class that matters is not walked twice for the two.
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
        return analyses.screen(classPath, new Interest(classPath));
    }

    /** The names and fields that make a class worth checking besides owned values. */
    private final class Interest implements ClassInterest {
        // javac reads only the leaf of an attributed tree: the class is parent enough for every path.
        private final TreePath root;

        Interest(TreePath root) {
            this.root = root;
        }

        /**
         * Whether a name is a candidate a rule acts on. The rules start from an arena factory's name
         * whatever it denotes; a global allocator's name (INSTANCE, common in any code) matters only
         * where it denotes one of PageAllocator's constants, the one thing the rule reports of it.
         */
        @Override
        public boolean name(Tree tree, Name name) {
            return names.matches(name) && (names.isArenaFactory(name)
                    || ApiModel.isGlobalAllocator(trees.getElement(new TreePath(root, tree))));
        }

        @Override
        public boolean field(TreePath path) {
            if (((VariableTree) path.getLeaf()).getInitializer() == null) {
                return false;
            }
            Element element = trees.getElement(path);
            return element != null && element.getModifiers().contains(Modifier.FINAL)
                    && analyses.foreignTypes().isA(element.asType(), ApiModel.SEGMENT_ALLOCATOR);
        }
    }
}
