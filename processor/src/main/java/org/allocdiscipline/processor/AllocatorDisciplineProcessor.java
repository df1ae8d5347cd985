package org.allocdiscipline.processor;

import com.google.auto.service.AutoService;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.allocdiscipline.processor.javac.CheckerLoader;
import org.allocdiscipline.processor.rules.api.Rule;

/**
 * The allocator-discipline checker, as javac runs it from the processor path. It claims no
 * annotations and generates nothing: it registers a listener that checks each class after javac
 * has analysed it, using only the exported compiler API ({@code com.sun.source}).
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes("*")
public final class AllocatorDisciplineProcessor extends AbstractProcessor {
    /** The class that checks, made from the loader this JVM keeps for the checker ({@link CheckerLoader}). */
    private static final String START = "org.allocdiscipline.processor.ProcessorStart";

    private final List<Rule> extraRules;

    /** The processor as javac's service loader creates it: the built-in rules. */
    public AllocatorDisciplineProcessor() {
        this(List.of());
    }

    /**
     * A processor that runs further rules after the built-in ones; for tests and for rules in development.
     *
     * @param extraRules the rules to add
     */
    public AllocatorDisciplineProcessor(List<? extends Rule> extraRules) {
        this.extraRules = List.copyOf(extraRules);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Options.KEYS;
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        if (!extraRules.isEmpty()) {
            new ProcessorStart(extraRules).accept(environment);
            return;
        }
        try {
            @SuppressWarnings("unchecked")
            Consumer<ProcessingEnvironment> start = CheckerLoader.instance(AllocatorDisciplineProcessor.class, START,
                    Consumer.class);
            start.accept(environment);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            environment.getMessager().printMessage(Diagnostic.Kind.NOTE,
                    "allocdiscipline: the checker could not start (" + e + "), so allocator discipline is not checked here.");
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnvironment) {
        return false;
    }
}
