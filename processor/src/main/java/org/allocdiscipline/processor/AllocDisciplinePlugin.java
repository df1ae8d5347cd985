package org.allocdiscipline.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocdiscipline.processor.javac.CheckerLoader;

/**
 * The checker as a javac plugin. javac starts it by itself whenever the jar is on the processor path
 * ({@link #autoStart()}), so the setup stays one {@code annotationProcessorPaths} entry. It exists for
 * speed: any annotation processor makes javac enter every class again for its rounds, which costs a
 * build with no other processor 10-20 %; with {@code -proc:none} javac skips that and only the plugin
 * checks. Options then go in the plugin's arguments ({@code -Xplugin:AllocDiscipline severity=error
 * sarif=target/allocdiscipline.sarif}), since a plugin cannot see {@code -A} options. When javac runs
 * the processor as well, the processor checks the compilation and the plugin stands down. The checking
 * itself is {@link PluginStart}'s, made from the class loader the JVM keeps for the checker's jars.
 */
@AutoService(Plugin.class)
public final class AllocDisciplinePlugin implements Plugin {
    /** The name for {@code -Xplugin:}. */
    public static final String NAME = "AllocDiscipline";

    /**
     * Said when the plugin checks with no arguments. A plugin cannot see {@code -A} options, and under
     * {@code -proc:none} javac drops them without a word, so a gate written as {@code -A} options
     * would otherwise quietly run with the defaults; nothing exported tells the plugin whether any
     * were given, so it says where its options come from instead.
     */
    static final String DEFAULT_OPTIONS_NOTE = "allocdiscipline: checking as a javac plugin with the default"
            + " options: a plugin does not see -A options (under -proc:none javac drops them), so give options as"
            + " plugin arguments, e.g. -Xplugin:" + NAME + " severity=error";

    /** The class that checks, made from the loader this JVM keeps for the checker ({@link CheckerLoader}). */
    private static final String START = "org.allocdiscipline.processor.PluginStart";

    /** The plugin as javac's service loader creates it. */
    public AllocDisciplinePlugin() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean autoStart() {
        return true;
    }

    @Override
    public void init(JavacTask task, String... arguments) {
        try {
            CheckerLoader.instance(AllocDisciplinePlugin.class, START, Plugin.class).init(task, arguments);
        } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
            // Never break javac: without the plugin, the build goes on unchecked.
        }
    }

    /**
     * Reads {@code key=value} arguments; the key may leave out the {@code allocdiscipline.} prefix.
     *
     * @param arguments the plugin's arguments
     * @param problems where malformed arguments are described
     * @return the options, keys with the prefix
     */
    static Map<String, String> parseArguments(String[] arguments, List<String> problems) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                problems.add("the plugin argument '" + argument + "' is not key=value, e.g. severity=error");
                continue;
            }
            String key = argument.substring(0, equals);
            options.put(key.startsWith(Options.PREFIX) ? key : Options.PREFIX + key, argument.substring(equals + 1));
        }
        return options;
    }
}
