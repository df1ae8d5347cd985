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
    PLUGIN("checker as plugin"),
    /**
     * A listener that does nothing, registered as a plugin registers one, under {@code -proc:none}:
     * javac's own price for any listening plugin, apart from what the listener does. Not in the
     * default run; {@code --variants} asks for it.
     */
    EMPTY_LISTENER("empty task listener"),
    /**
     * A listener that walks each analysed class and asks javac for the element of every method, call
     * and {@code new} ({@link CallWalkListener}), under {@code -proc:none}: the floor of any checker that
     * looks at every call. Not in the default run; {@code --variants} asks for it.
     */
    CALL_WALK("call walk listener");

    /** The variants of the default run, which the full report compares. */
    static final List<Variant> DEFAULT = List.of(BASELINE, NO_OP, CHECKER, PLUGIN);

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
            case BASELINE, PLUGIN, EMPTY_LISTENER, CALL_WALK -> List.of("-proc:none");
            case NO_OP -> List.of();
            case CHECKER -> List.of("-Aallocdiscipline.timing=true");
        };
    }

    /**
     * @param name a variant's name in any case, e.g. {@code plugin} or {@code empty_listener}
     * @throws IllegalArgumentException naming the variants there are, if none has this name
     */
    static Variant named(String name) {
        for (Variant v : values()) {
            if (v.name().equalsIgnoreCase(name.strip().replace('-', '_'))) {
                return v;
            }
        }
        throw new IllegalArgumentException("no variant '" + name + "'; there are "
                + java.util.Arrays.stream(values()).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    void prepare(JavacTask task) {
        switch (this) {
            case BASELINE -> {
            }
            case NO_OP -> task.setProcessors(List.of(new NoOpProcessor()));
            case CHECKER -> task.setProcessors(List.of(new AllocatorDisciplineProcessor()));
            case PLUGIN -> new AllocDisciplinePlugin().init(task, "timing=true");
            case EMPTY_LISTENER -> task.addTaskListener(new TaskListener() {
            });
            case CALL_WALK -> CallWalkListener.register(task);
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
