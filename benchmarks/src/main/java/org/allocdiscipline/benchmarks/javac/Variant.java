package org.allocdiscipline.benchmarks.javac;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
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
            case BASELINE -> List.of("-proc:none");
            case NO_OP -> List.of();
            case CHECKER -> List.of("-Aallocdiscipline.timing=true");
        };
    }

    /**
     * A fresh processor instance, as javac would load one per compilation; the same as
     * {@code -processorpath} with the processor jar, without the class-loader set-up.
     */
    Optional<Processor> processor() {
        return switch (this) {
            case BASELINE -> Optional.empty();
            case NO_OP -> Optional.of(new NoOpProcessor());
            case CHECKER -> Optional.of(new AllocatorDisciplineProcessor());
        };
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
