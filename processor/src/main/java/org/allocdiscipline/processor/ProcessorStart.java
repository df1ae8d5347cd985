package org.allocdiscipline.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.Diagnostic;
import org.allocdiscipline.processor.javac.AnalyzeListener;
import org.allocdiscipline.processor.javac.CheckerClaims;
import org.allocdiscipline.processor.javac.JavacTasks;
import org.allocdiscipline.processor.rules.api.Rule;

/**
 * What {@link AllocatorDisciplineProcessor} starts for a compilation, from the checker's kept class
 * loader ({@link org.allocdiscipline.processor.javac.CheckerLoader}) unless it runs rules of its own:
 * reads the {@code -A} options and registers the listener that checks each class.
 */
public final class ProcessorStart implements Consumer<ProcessingEnvironment> {
    private final List<Rule> extraRules;

    /** Made by {@link AllocatorDisciplineProcessor}, by name: the built-in rules. */
    public ProcessorStart() {
        this(List.of());
    }

    ProcessorStart(List<Rule> extraRules) {
        this.extraRules = extraRules;
    }

    @Override
    public void accept(ProcessingEnvironment environment) {
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
}
