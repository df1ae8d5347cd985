package org.allocdiscipline.benchmarks.javac;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileObject;

/**
 * Takes javac's diagnostics instead of printing them (printing thousands of lines would time the
 * terminal), keeps the errors, counts the findings, and reads the checker's timing note.
 */
final class CompilationDiagnostics implements DiagnosticListener<JavaFileObject> {
    private static final Pattern TIMING = Pattern.compile(
            "allocdiscipline: analysed (\\d+) bod(?:y|ies) in (\\d+) files?, (\\d+(?:\\.\\d+)?) ms CPU");
    private static final Pattern FINDING = Pattern.compile("(?s)\\[[a-z-]+\\] .*");

    private final List<String> errors = new ArrayList<>();
    private int findings;
    private boolean checkerSpoke;
    private long processorCpuNanos = -1;
    private long bodies = -1;
    private long files = -1;

    @Override
    public void report(Diagnostic<? extends JavaFileObject> diagnostic) {
        String message = diagnostic.getMessage(Locale.ROOT);
        if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
            errors.add((diagnostic.getSource() == null ? "" : diagnostic.getSource().getName() + ":"
                    + diagnostic.getLineNumber() + ": ") + message);
        }
        if (diagnostic.getKind() != Diagnostic.Kind.NOTE && FINDING.matcher(message).matches()) {
            findings++;
        }
        if (message.startsWith("allocdiscipline:")) {
            checkerSpoke = true;
        }
        Matcher timing = TIMING.matcher(message);
        if (diagnostic.getKind() == Diagnostic.Kind.NOTE && timing.matches()) {
            bodies = Long.parseLong(timing.group(1));
            files = Long.parseLong(timing.group(2));
            processorCpuNanos = Math.round(Double.parseDouble(timing.group(3)) * 1e6);
        }
    }

    List<String> errors() {
        return errors;
    }

    /** @return whether the checker printed anything (it always prints a summary note when it runs) */
    boolean checkerSpoke() {
        return checkerSpoke;
    }

    int findings() {
        return findings;
    }

    long processorCpuNanos() {
        return processorCpuNanos;
    }

    long bodies() {
        return bodies;
    }

    long files() {
        return files;
    }
}
