package org.allocdiscipline.benchmarks.javac;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskListener;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.allocdiscipline.processor.AllocatorDisciplineProcessor;

/** How a corpus is compiled: the three variants that run side by side. */
enum Variant {
    /** What a build without any processor does. */
    BASELINE("-proc:none"),
    /**
     * No processor, but an empty {@code TaskListener}: javac keeps doc comments as soon as anyone
     * listens (the checker must listen, to see attributed trees), which costs time by itself.
     */
    LISTENER("empty TaskListener"),
    /**
     * A processor that does nothing: separates what merely turning annotation processing on costs
     * (javac's processing round) from the checker's own work.
     */
    NO_OP("no-op processor"),
    /** The allocator-discipline checker with every rule it has, and its own timing note. */
    CHECKER("checker");

    private final String label;

    Variant(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The options this variant adds to the corpus's options. */
    List<String> options() {
        return switch (this) {
            case BASELINE, LISTENER -> List.of("-proc:none");
            case NO_OP -> List.of();
            case CHECKER -> List.of("-Aallocdiscipline.timing=true");
        };
    }

    /**
     * Sets up a task for this variant. The processors are fresh instances, as javac would load per
     * compilation; the same as {@code -processorpath} with the processor jar, without the class-loader set-up.
     */
    void prepare(JavacTask task) {
        switch (this) {
            case BASELINE -> {
            }
            case LISTENER -> task.addTaskListener(new TaskListener() {
            });
            case NO_OP -> task.setProcessors(List.of(new NoOpProcessor()));
            case CHECKER -> task.setProcessors(List.of(new AllocatorDisciplineProcessor()));
        }
    }

    /** Sees every class, as the checker does, and does nothing with it. */
    @SupportedAnnotationTypes("*")
    static final class NoOpProcessor extends AbstractProcessor {
        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return false;
        }
    }
}
