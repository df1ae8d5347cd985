package org.allocdiscipline.processor.rules.engine;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
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

    /**
     * Stops at the first tree that matters; makes paths only for the trees it asks javac about. It walks
     * only what can hold such a tree: declarations, statements and expressions, not types, modifiers
     * or annotations (a type names no value, an annotation's arguments are constants). Each kind of tree
     * that may bring an owned value in is tested in its own visit method, where the visitor's dispatch
     * already told the kinds apart: most trees cost the walk nothing beyond it.
     */
    private final class Walker extends TreeScanner<Void, Void> {
        // javac reads only the leaf of an attributed tree: the class is parent enough for every path.
        private final TreePath root;
        private boolean found;

        Walker(TreePath root) {
            this.root = root;
        }

        @Override
        public Void scan(Tree tree, Void unused) {
            return found || tree == null ? null : tree.accept(this, unused);
        }

        /** Whether a tree that may bring an owned value in does; then the walk stops. */
        private boolean brings(Tree tree) {
            found = analyses.bringsOwned(new TreePath(root, tree));
            return found;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            return brings(node) ? null : super.visitMethodInvocation(node, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void unused) {
            if (brings(node)) {
                return null;
            }
            scan(node.getEnclosingExpression(), unused);
            scan(node.getArguments(), unused);
            return scan(node.getClassBody(), unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
            return brings(node) ? null : super.visitAssignment(node, unused);
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            // Parameters have no initializer, and a default value is a constant.
            return brings(node) ? null : scan(node.getBody(), unused);
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            // A field was tested as a member (see visitClass); a local variable brings nothing in by itself.
            return scan(node.getInitializer(), unused);
        }

        @Override
        public Void visitTypeCast(TypeCastTree node, Void unused) {
            return scan(node.getExpression(), unused);
        }

        @Override
        public Void visitInstanceOf(InstanceOfTree node, Void unused) {
            return scan(node.getExpression(), unused);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            return scan(node.getBody(), unused);
        }

        @Override
        public Void visitParameterizedType(ParameterizedTypeTree node, Void unused) {
            return null;
        }

        @Override
        public Void visitArrayType(ArrayTypeTree node, Void unused) {
            return null;
        }

        @Override
        public Void visitAnnotatedType(AnnotatedTypeTree node, Void unused) {
            return null;
        }

        @Override
        public Void visitModifiers(ModifiersTree node, Void unused) {
            return null;
        }

        @Override
        public Void visitAnnotation(AnnotationTree node, Void unused) {
            return null;
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
            // Modifiers, type parameters and supertypes are types and annotations.
            return scan(node.getMembers(), unused);
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
