package org.allocdiscipline.processor.testing;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.allocdiscipline.PageAllocator;
import org.allocdiscipline.processor.AllocDisciplinePlugin;
import org.allocdiscipline.processor.AllocatorDisciplineProcessor;

/** Compiles test sources with the processor, the runtime on the class path, as users do. */
public final class Checker {
    private Checker() {
    }

    /**
     * The javac option that keeps the checker's plugin quiet. javac starts the plugin by itself from
     * the test class path, also in compilations that only want javac's trees (with {@code -proc:none}).
     */
    public static final String PLUGIN_OFF = "-Xplugin:" + AllocDisciplinePlugin.NAME + " disable=all";

    /**
     * Where the runtime's classes are (a directory or a jar), to put on the compilation's class path.
     *
     * @return the runtime location
     */
    public static File runtimeLocation() {
        try {
            return new File(PageAllocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads test sources from {@code src/test/resources}.
     *
     * @param resources resource paths such as {@code cases/hardcoded/Reported.java}
     * @return the sources
     */
    public static List<JavaFileObject> resources(String... resources) {
        return Arrays.stream(resources).map(JavaFileObjects::forResource).collect(Collectors.toList());
    }

    /**
     * Compiles sources with a fresh processor and the given javac options.
     *
     * @param sources the sources
     * @param options javac options, {@code -A} options included
     * @return the compilation
     */
    public static Compilation compile(List<JavaFileObject> sources, String... options) {
        return compile(new AllocatorDisciplineProcessor(), sources, options);
    }

    /**
     * Compiles sources with the given processor and javac options.
     *
     * @param processor the processor (perhaps a wrapper around the real one)
     * @param sources the sources
     * @param options javac options
     * @return the compilation
     */
    public static Compilation compile(Processor processor, List<JavaFileObject> sources, String... options) {
        List<String> all = new ArrayList<>(List.of("--release", "25"));
        all.addAll(List.of(options));
        return Compiler.javac()
                .withProcessors(processor)
                .withClasspath(List.of(runtimeLocation()))
                .withOptions(all)
                .compile(sources);
    }

    /**
     * The findings javac reported: warnings and errors whose text starts with a rule id in brackets.
     *
     * @param compilation the compilation
     * @return the findings' diagnostics
     */
    public static List<Diagnostic<? extends JavaFileObject>> findings(Compilation compilation) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER)
                .filter(d -> d.getMessage(Locale.ROOT).matches("(?s)\\[[a-z-]+\\] .*"))
                .collect(Collectors.toList());
    }

    /**
     * The notes javac printed.
     *
     * @param compilation the compilation
     * @return the notes' texts
     */
    public static List<String> notes(Compilation compilation) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
                .map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }

    /**
     * Every diagnostic, one per line, for failure messages.
     *
     * @param compilation the compilation
     * @return a readable dump
     */
    public static String dump(Compilation compilation) {
        return compilation.diagnostics().stream()
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "-" : d.getSource().getName()) + ":"
                        + d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }
}
