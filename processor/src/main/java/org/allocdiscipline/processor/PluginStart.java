package org.allocdiscipline.processor;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.allocdiscipline.processor.javac.CheckerClaims;
import org.allocdiscipline.processor.javac.PluginListener;
import org.allocdiscipline.processor.javac.TreesMessager;

/**
 * What {@link AllocDisciplinePlugin} starts for a compilation, from the checker's kept class loader
 * ({@link org.allocdiscipline.processor.javac.CheckerLoader}): reads the plugin's arguments and
 * registers the listener that checks each class.
 */
public final class PluginStart implements Plugin {
    /** Made by {@link AllocDisciplinePlugin}, by name. */
    public PluginStart() {
    }

    @Override
    public String getName() {
        return AllocDisciplinePlugin.NAME;
    }

    @Override
    public void init(JavacTask task, String... arguments) {
        try {
            List<String> problems = new ArrayList<>();
            Map<String, String> options = AllocDisciplinePlugin.parseArguments(arguments, problems);
            CheckerClaims.pluginStarted(task, options);
            TreesMessager messager = new TreesMessager(Trees.instance(task));
            task.addTaskListener(new PluginListener(task, messager, m -> {
                problems.forEach(p -> m.printMessage(Diagnostic.Kind.ERROR, "allocdiscipline: " + p));
                if (arguments.length == 0) {
                    m.printMessage(Diagnostic.Kind.NOTE, AllocDisciplinePlugin.DEFAULT_OPTIONS_NOTE);
                }
                return problems.isEmpty()
                        ? CheckerSetup.create(task, options, List.of(), m, " (given as -Xplugin:" + AllocDisciplinePlugin.NAME + " arguments)")
                        : null;
            }));
        } catch (RuntimeException | LinkageError e) {
            // Never break javac: without the plugin, the build goes on unchecked.
        }
    }
}
