package org.allocdiscipline.benchmarks.javac;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;

/**
 * A listener that walks every analysed top-level class once and asks javac for the element of each
 * method, call and {@code new} in it, and nothing else: the floor of what any checker that looks at
 * every call costs, against which the checker's own price can be read.
 */
final class CallWalkListener implements TaskListener {
    private final Trees trees;

    private CallWalkListener(Trees trees) {
        this.trees = trees;
    }

    /** Registers a new walker with the task, as a plugin would. */
    static void register(JavacTask task) {
        task.addTaskListener(new CallWalkListener(Trees.instance(task)));
    }

    @Override
    public void finished(TaskEvent event) {
        if (event.getKind() == TaskEvent.Kind.ANALYZE) {
            walk(event.getCompilationUnit(), trees.getTree(event.getTypeElement()));
        }
    }

    private void walk(CompilationUnitTree unit, ClassTree type) {
        if (type == null) {
            return;
        }
        // javac reads only the leaf of an attributed tree: the class is parent enough for every path.
        TreePath root = new TreePath(new TreePath(unit), type);
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree node, Void unused) {
                ask(node);
                return super.visitMethod(node, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                ask(node);
                return super.visitMethodInvocation(node, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree node, Void unused) {
                ask(node);
                return super.visitNewClass(node, unused);
            }

            private void ask(Tree tree) {
                trees.getElement(new TreePath(root, tree));
            }
        }.scan(type, null);
    }
}
