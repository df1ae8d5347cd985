package org.allocdiscipline.benchmarks.javac;

import com.sun.source.util.JavacTask;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.allocdiscipline.processor.AllocDisciplinePlugin;
import org.allocdiscipline.processor.AllocatorDisciplineProcessor;

/** How a corpus is compiled: the variants that run side by side. */
enum Variant {
    /** What a build without any processor does. */
    BASELINE("-proc:none"),
    /**
     * A processor that does nothing: what merely turning annotation processing on costs (javac enters
     * every class again for its rounds), apart from any checking.
     */
    NO_OP("no-op processor"),
    /** The checker as javac runs it by default: an annotation processor, with every rule and its timing note. */
    CHECKER("checker as processor"),
    /**
     * The checker as a javac plugin under {@code -proc:none}: the same checking without javac's
     * processing rounds. Started as javac starts it, {@code Plugin.init} with the task and the
     * arguments of {@code -Xplugin:AllocDiscipline timing=true}.
     */
    PLUGIN("checker as plugin");

    private final String label;

    Variant(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** @return whether this variant runs the checker (and so prints its timing note) */
    boolean checks() {
        return this == CHECKER || this == PLUGIN;
    }

    List<String> options() {
        return switch (this) {
            case BASELINE, PLUGIN -> List.of("-proc:none");
            case NO_OP -> List.of();
            case CHECKER -> List.of("-Aallocdiscipline.timing=true");
        };
    }

    void prepare(JavacTask task) {
        switch (this) {
            case BASELINE -> {
            }
            case NO_OP -> task.setProcessors(List.of(new NoOpProcessor()));
            case CHECKER -> task.setProcessors(List.of(new AllocatorDisciplineProcessor()));
            case PLUGIN -> new AllocDisciplinePlugin().init(task, "timing=true");
        }
    }

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
