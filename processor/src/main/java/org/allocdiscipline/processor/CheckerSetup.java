package org.allocdiscipline.processor;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;
import org.allocdiscipline.processor.report.ReportSession;
import org.allocdiscipline.processor.rules.api.Rule;
import org.allocdiscipline.processor.rules.Rules;

/** Makes the checker for one compilation, the same way for the processor and for the plugin. */
final class CheckerSetup {
    private CheckerSetup() {
    }

    /**
     * @param task the compilation
     * @param rawOptions the options as javac passed them (keys with the {@code allocdiscipline.} prefix; others ignored)
     * @param extraRules rules to run after the built-in ones
     * @param messager where option problems and notes go
     * @param spelling how the user wrote the options, for the problem messages
     * @return the checker, or null when an option is wrong (reported as an error) or every rule is disabled
     */
    static CompilationChecker create(JavacTask task, Map<String, String> rawOptions, List<Rule> extraRules,
            Messager messager, String spelling) {
        List<Rule> candidates = new ArrayList<>(Rules.builtIn());
        candidates.addAll(extraRules);
        Options options;
        try {
            options = Options.parse(rawOptions, Rules.knownIds(candidates));
        } catch (Options.InvalidOptionsException e) {
            List<String> errors = e.problems().stream().map(p -> p + spelling).toList();
            errors.forEach(p -> messager.printMessage(Diagnostic.Kind.ERROR, "allocdiscipline: " + p));
            e.sarif().ifPresent(path -> ReportSession.writeFailedRun(path, Version.NAME,
                    candidates.stream().map(Rule::descriptor).toList(), errors, messager));
            return null;
        }
        List<Rule> active = Rules.active(candidates, options);
        if (active.isEmpty()) {
            return null;
        }
        return new CompilationChecker(task, options, active, messager, Version.NAME);
    }

    /** Read once per class loader: a resource read per compilation cost up to a millisecond. */
    private static final class Version {
        static final String NAME = read();
    }

    private static String read() {
        try (InputStream in = CheckerSetup.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // Fall through: the version only labels the SARIF report.
        }
        return "unknown";
    }
}
