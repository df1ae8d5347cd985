package org.allocdiscipline.processor.rules.engine;

import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import org.allocdiscipline.processor.ownership.EffectRecorder;

/**
 * Hands the body collector's walk to a recorder, which stops taking anything once it fails: the class's
 * summaries then walk the class themselves, where the same failure counts as "carries ownership" and the
 * bodies are analysed in full. A failing recorder never fails the collector.
 */
final class GuardedRecorder implements EffectRecorder {
    private EffectRecorder recorder;

    GuardedRecorder(EffectRecorder recorder) {
        this.recorder = recorder;
    }

    private Element guarded(Supplier<Element> call) {
        if (recorder != null) {
            try {
                return call.get();
            } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
                recorder = null;
            }
        }
        return null;
    }

    private void guarded(Runnable call) {
        guarded(() -> {
            call.run();
            return null;
        });
    }

    @Override
    public Element enterClass(TreePath path) {
        return guarded(() -> recorder.enterClass(path));
    }

    @Override
    public Element enterMethod(TreePath path) {
        return guarded(() -> recorder.enterMethod(path));
    }

    @Override
    public Element enterLambda() {
        return guarded(() -> recorder.enterLambda());
    }

    @Override
    public void leave(Element outer) {
        guarded(() -> recorder.leave(outer));
    }

    @Override
    public void tryResources(TryTree node) {
        guarded(() -> recorder.tryResources(node));
    }

    @Override
    public void effect(Tree tree) {
        guarded(() -> recorder.effect(tree));
    }

    @Override
    public void walk(TreePath path) {
        guarded(() -> recorder.walk(path));
    }

    @Override
    public void finish() {
        guarded(() -> recorder.finish());
    }
}
