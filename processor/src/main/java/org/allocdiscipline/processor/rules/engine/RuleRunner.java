package org.allocdiscipline.processor.rules.engine;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.allocdiscipline.processor.Options;
import org.allocdiscipline.processor.report.Finding;
import org.allocdiscipline.processor.report.Fingerprints;
import org.allocdiscipline.processor.report.InternalFailure;
import org.allocdiscipline.processor.report.LocatedFinding;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.ClassContext;
import org.allocdiscipline.processor.rules.api.CodeBody;
import org.allocdiscipline.processor.rules.api.FindingSink;
import org.allocdiscipline.processor.rules.api.Rule;
import org.allocdiscipline.processor.rules.api.SharedAnalyses;
import org.allocdiscipline.processor.scope.LibraryScope;

/**
 * Runs the rules over every body of a class. Failures are isolated: an exception in one rule on one
 * body becomes one {@link InternalFailure} naming that body, and the other rules and bodies are
 * checked as usual.
 */
public final class RuleRunner {
    private final List<Rule> rules;
    private final Trees trees;
    private final Types types;
    private final Elements elements;
    private final Options options;
    private final LibraryScope scope;
    private final SharedAnalyses analyses;
    private final BodyCollector collector;
    // Null when some active rule needs every class.
    private final ClassScreen screen;

    /**
     * Creates the runner.
     *
     * @param rules the rules to run, in order
     * @param trees the compiler's tree utilities
     * @param types type utilities
     * @param elements element utilities
     * @param options the options
     */
    public RuleRunner(List<Rule> rules, Trees trees, Types types, Elements elements, Options options) {
        this.rules = List.copyOf(rules);
        this.trees = trees;
        this.types = types;
        this.elements = elements;
        this.options = options;
        this.scope = new LibraryScope(trees);
        this.analyses = new SharedAnalyses(trees, types, elements, options);
        CandidateNames names = new CandidateNames(elements);
        this.collector = new BodyCollector(trees, types, elements, names, analyses);
        this.screen = anyNeedsEveryClass(this.rules) ? null : new ClassScreen(trees, analyses, names);
    }

    private static boolean anyNeedsEveryClass(List<Rule> rules) {
        for (Rule rule : rules) {
            if (rule.needsEveryClass()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The analyses the rules share, for figures such as how many bodies were analysed.
     *
     * @return the shared analyses of this compilation
     */
    public SharedAnalyses analyses() {
        return analyses;
    }

    /**
     * What checking one class gave.
     *
     * @param findings the findings, in source order with occurrence indices assigned
     * @param failures internal failures, one per failing rule and body
     * @param bodies how many code bodies the rules were run on (for {@code allocdiscipline.timing}); none
     *     in a class the runner skipped because no rule can find anything there
     */
    public record Result(List<LocatedFinding> findings, List<InternalFailure> failures, int bodies) {
        /** A skipped class's: no findings, no failures, no bodies. */
        static final Result NOTHING = new Result(List.of(), List.of(), 0);

        /** Copies the lists. */
        public Result {
            findings = List.copyOf(findings);
            failures = List.copyOf(failures);
        }
    }

    /**
     * Checks a top-level class and everything nested in it.
     *
     * @param unit its compilation unit, fully attributed
     * @param classPath path to the class
     * @return the findings and failures
     */
    public Result check(CompilationUnitTree unit, TreePath classPath) {
        List<LocatedFinding> found = new ArrayList<>();
        List<InternalFailure> failures = new ArrayList<>();
        try {
            analyses.readDeclarations(classPath);
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            // Later classes check without what this one would have told them; the note says so.
            String name = classPath.getLeaf() instanceof ClassTree c ? c.getSimpleName().toString() : "a class";
            failures.add(new InternalFailure(InternalFailure.describe(name + " (its declarations)", null, e),
                    classPath.getLeaf(), unit));
        }
        if (!mayMatter(classPath)) {
            return failures.isEmpty() ? Result.NOTHING : new Result(found, failures, 0);
        }
        BodyCollector.Collected collected;
        try {
            collected = collector.collectAll(classPath);
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            String name = classPath.getLeaf() instanceof ClassTree c ? c.getSimpleName().toString() : "a class";
            failures.add(new InternalFailure(InternalFailure.describe(name, null, e), classPath.getLeaf(), unit));
            return new Result(found, failures, 0);
        }
        SourceText source = new SourceText(unit);
        Set<String> seen = new HashSet<>();
        for (BodyCollector.DeclaredClass declared : collected.classes()) {
            Sink sink = new Sink(unit, declared.declaration(), declared::signature, declared::signature, source,
                    found, seen);
            for (Rule rule : rules) {
                sink.ruleId = rule.id();
                try {
                    rule.checkClass(new ClassContext(declared.declaration(), declared.signature(), unit, trees, types,
                            elements, options, scope, sink, analyses));
                } catch (Exception | LinkageError | StackOverflowError | AssertionError e) {
                    failures.add(new InternalFailure(InternalFailure.describe(declared.signature(), rule.id(), e),
                            declared.declaration().getLeaf(), unit));
                }
            }
        }
        for (CodeBody body : collected.bodies()) {
            Throwable sharedFailure = null;
            Sink sink = new Sink(unit, body.body(), body::displayName, body::signature, source, found, seen);
            BodyContext context = new BodyContext(body, unit, trees, types, elements, options, scope, sink, analyses);
            for (Rule rule : rules) {
                sink.ruleId = rule.id();
                try {
                    rule.check(context);
                } catch (SharedAnalyses.AnalysisFailedException e) {
                    // Every rule that reads the failed analysis rethrows it: one note for the body.
                    if (sharedFailure != e) {
                        sharedFailure = e;
                        failures.add(new InternalFailure(InternalFailure.describe(body.displayName()
                                + " (ownership analysis)", null, e.getCause()), body.declaration().getLeaf(), unit));
                    }
                } catch (Exception | LinkageError | StackOverflowError | AssertionError e) {
                    failures.add(new InternalFailure(InternalFailure.describe(body.displayName(), rule.id(), e),
                            body.declaration().getLeaf(), unit));
                }
            }
            if (analyses.gaveUpOn(body)) {
                failures.add(new InternalFailure("[allocdiscipline] the ownership analysis gave up on "
                        + body.displayName() + " (its control flow is too large to reach a fixpoint within the step"
                        + " limit), so owned-not-freed, double-free, use-after-free and wrong-allocator report"
                        + " nothing there; the rest of the code is checked as usual.",
                        body.declaration().getLeaf(), unit));
            }
        }
        return new Result(Fingerprints.assignOccurrences(found, LocatedFinding::finding, LocatedFinding::with),
                failures, collected.bodies().size());
    }

    /** Whether some rule can find anything in the class; a screen that fails lets the class be checked in full. */
    private boolean mayMatter(TreePath classPath) {
        if (screen == null) {
            return true;
        }
        try {
            return screen.mayMatter(classPath);
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            return true;
        }
    }

    /** The source text of a unit, read once, for the snippets in fingerprints and SARIF, and its URI. */
    private static final class SourceText {
        private final CompilationUnitTree unit;
        private CharSequence text;
        private boolean read;
        private String uri;

        SourceText(CompilationUnitTree unit) {
            this.unit = unit;
        }

        /** The file's URI, made once: a path's conversion to a URI costs more than the rest of a finding. */
        String uri() {
            if (uri == null) {
                uri = unit.getSourceFile().toUri().toString();
            }
            return uri;
        }

        String slice(long start, long end) {
            if (!read) {
                read = true;
                try {
                    text = unit.getSourceFile().getCharContent(true);
                } catch (IOException | RuntimeException e) {
                    text = null;
                }
            }
            if (text == null || start < 0 || end > text.length() || end <= start) {
                return null;
            }
            return text.subSequence((int) start, (int) end).toString();
        }
    }

    /** The sink of one rule on one body. */
    private final class Sink implements FindingSink {
        private final CompilationUnitTree unit;
        private final TreePath root;
        private final Supplier<String> displayName;
        private final Supplier<String> signature;
        // Set before each rule runs: one sink serves every rule of a body.
        private String ruleId;
        private final SourceText source;
        private final List<LocatedFinding> found;
        private final Set<String> seen;

        Sink(CompilationUnitTree unit, TreePath root, Supplier<String> displayName, Supplier<String> signature,
                SourceText source, List<LocatedFinding> found, Set<String> seen) {
            this.unit = unit;
            this.root = root;
            this.displayName = displayName;
            this.signature = signature;
            this.source = source;
            this.found = found;
            this.seen = seen;
        }

        @Override
        public void report(Tree tree, String message, String fixHint) {
            TreePath path = TreePath.getPath(root, tree);
            if (path == null) {
                path = TreePath.getPath(unit, tree);
            }
            if (path == null) {
                throw new IllegalArgumentException("the reported tree is not in " + displayName.get() + ": " + tree);
            }
            report(path, message, fixHint);
        }

        @Override
        public void report(TreePath path, String message, String fixHint) {
            if (scope.isSuppressed(path, ruleId)) {
                return;
            }
            Tree tree = path.getLeaf();
            SourcePositions positions = trees.getSourcePositions();
            long start = positions.getStartPosition(unit, tree);
            long end = positions.getEndPosition(unit, tree);
            if (start < 0) {
                throw new IllegalArgumentException("no source position for " + tree);
            }
            if (end < start) {
                end = start;
            }
            if (!seen.add(ruleId + '@' + start + '-' + end + ':' + message)) {
                return;
            }
            LineMap lines = unit.getLineMap();
            long line = lines.getLineNumber(start);
            // Counted in characters, as SARIF's utf16CodeUnits; javac's own column expands tabs.
            long column = start - lines.getStartPosition(line) + 1;
            String text = source.slice(start, end);
            if (text == null) {
                text = tree.toString();
            }
            // The fingerprint ignores white space; the SARIF snippet is the source as written.
            Finding finding = new Finding(ruleId, message, fixHint, source.uri(), line,
                    column, start, end, signature.get(), Fingerprints.normalize(text), 0, text);
            found.add(new LocatedFinding(finding, tree, unit));
        }
    }
}
