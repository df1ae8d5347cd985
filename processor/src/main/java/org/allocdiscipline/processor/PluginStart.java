package org.allocdiscipline.processor;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.tools.Diagnostic;
import org.allocdiscipline.processor.javac.CheckerClaims;
import org.allocdiscipline.processor.javac.ClassChecker;
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
            task.addTaskListener(new PluginListener(task, messager,
                    new CheckerStart(task, options, problems, arguments.length == 0)));
        } catch (RuntimeException | LinkageError e) {
            // Never break javac: without the plugin, the build goes on unchecked.
        }
    }

    /**
     * Makes the checker once javac starts analysing. A class of its own, not a lambda: a lambda is a class
     * that each fresh javac process spins at run time, and this runs in every compilation (see
     * {@code ColdStartTest}).
     */
    private static final class CheckerStart implements Function<TreesMessager, ClassChecker> {
        private final JavacTask task;
        private final Map<String, String> options;
        private final List<String> problems;
        private final boolean defaultOptions;

        CheckerStart(JavacTask task, Map<String, String> options, List<String> problems, boolean defaultOptions) {
            this.task = task;
            this.options = options;
            this.problems = problems;
            this.defaultOptions = defaultOptions;
        }

        @Override
        public ClassChecker apply(TreesMessager messager) {
            for (String problem : problems) {
                messager.printMessage(Diagnostic.Kind.ERROR, "allocdiscipline: " + problem);
            }
            if (defaultOptions) {
                messager.printMessage(Diagnostic.Kind.NOTE, AllocDisciplinePlugin.DEFAULT_OPTIONS_NOTE);
            }
            return problems.isEmpty()
                    ? CheckerSetup.create(task, options, List.of(), messager,
                            " (given as -Xplugin:" + AllocDisciplinePlugin.NAME + " arguments)")
                    : null;
        }
    }
}
