package org.allocdiscipline.processor.javac;

import com.sun.source.util.JavacTask;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/** Obtains javac's {@link JavacTask} for a processing environment, unwrapping build-tool wrappers. */
public final class JavacTasks {
    private JavacTasks() {
    }

    /**
     * The javac task behind an environment.
     *
     * @param environment the environment the processor was given
     * @return the task, or empty if no javac environment can be reached (for example under ecj)
     */
    public static Optional<JavacTask> find(ProcessingEnvironment environment) {
        for (ProcessingEnvironment candidate : EnvironmentUnwrapper.candidates(environment)) {
            try {
                return Optional.of(JavacTask.instance(candidate));
            } catch (IllegalArgumentException | ClassCastException e) {
                // JavacTask.instance accepts javac's own environment only; try the next candidate.
            }
        }
        return Optional.empty();
    }
}
