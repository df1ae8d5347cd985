package org.allocdiscipline.benchmarks.javac;

import java.nio.file.Path;
import java.util.List;

/**
 * How a corpus is compiled in a fresh {@code javac} process: without the checker, or with it in the
 * plugin setup of the docs ({@code -proc:none}, the processor jar on the processor path, {@code -Xplugin}).
 *
 * @param name a short name for files and logs
 * @param label the name in the tables
 * @param arguments what the variant adds to the corpus's options
 */
record ColdVariant(String name, String label, List<String> arguments) {
    ColdVariant {
        arguments = List.copyOf(arguments);
    }

    /** What a build without any processor does. */
    static ColdVariant baseline() {
        return new ColdVariant("baseline", "-proc:none", List.of("-proc:none"));
    }

    /** The checker from this jar as a plugin. */
    static ColdVariant plugin(String name, String label, Path processorJar) {
        return new ColdVariant(name, label,
                List.of("-proc:none", "-processorpath", processorJar.toString(), "-Xplugin:AllocDiscipline"));
    }

    /** A plugin that only registers an empty task listener (see {@link EmptyListenerPlugin}). */
    static ColdVariant emptyListener(Path jar) {
        return new ColdVariant("empty-listener", "empty listener plugin",
                List.of("-proc:none", "-processorpath", jar.toString(), "-Xplugin:" + EmptyListenerPlugin.NAME));
    }

    boolean checks() {
        return arguments.contains("-Xplugin:AllocDiscipline");
    }
}
