package org.allocdiscipline.processor;

import com.google.auto.service.AutoService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.allocdiscipline.processor.javac.AnalyzeListener;
import org.allocdiscipline.processor.javac.CheckerClaims;
import org.allocdiscipline.processor.javac.JavacTasks;
import org.allocdiscipline.processor.rules.api.Rule;

/**
 * The allocator-discipline checker, as javac runs it from the processor path. It claims no
 * annotations and generates nothing: it registers a listener that checks each class after javac
 * has analysed it, using only the exported compiler API ({@code com.sun.source}).
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes("*")
public final class AllocatorDisciplineProcessor extends AbstractProcessor {
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
        try {
            // Loud (a mandatory warning, shown under -nowarn too): a misspelt prefix would otherwise
            // get only javac's generic "not recognized" warning, and the gate would quietly be off.
            Options.misspellings(environment.getOptions().keySet()).forEach(warning -> environment.getMessager()
                    .printMessage(Diagnostic.Kind.MANDATORY_WARNING, "allocdiscipline: " + warning));
            var task = JavacTasks.find(environment);
            if (task.isEmpty()) {
                environment.getMessager().printMessage(Diagnostic.Kind.NOTE, "allocdiscipline: this compiler ("
                        + environment.getClass().getName() + ") does not offer the javac tree API (com.sun.source),"
                        + " so allocator discipline is not checked here; compile with javac to check it.");
                return;
            }
            // The -A options win over any the plugin was given for this compilation.
            Map<String, String> options = new HashMap<>(CheckerClaims.processorStarted(task.get()));
            options.putAll(environment.getOptions());
            CompilationChecker checker = CheckerSetup.create(task.get(), options, extraRules,
                    environment.getMessager(), "");
            if (checker != null) {
                task.get().addTaskListener(new AnalyzeListener(checker));
            }
        } catch (LinkageError | RuntimeException e) {
            // No javac tree API at all on this platform, or a wrapper we could not see through.
            environment.getMessager().printMessage(Diagnostic.Kind.NOTE,
                    "allocdiscipline: the javac tree API is not available (" + e + "), so allocator discipline is not"
                            + " checked here; compile with javac to check it.");
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnvironment) {
        return false;
    }
}
