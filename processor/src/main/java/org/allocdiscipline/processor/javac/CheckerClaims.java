package org.allocdiscipline.processor.javac;

import com.sun.source.util.JavacTask;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which entry point checks a compilation. The jar is both a javac plugin (started by javac on its
 * own, see {@code AllocDisciplinePlugin}) and an annotation processor; when javac runs the processor
 * too, the processor checks the compilation, since only it can read the {@code -A} options, and the
 * plugin stands down. Both entry points are loaded by javac's processor class loader, so they share
 * this registry; entries go away with their compilation.
 */
public final class CheckerClaims {
    private static final Map<JavacTask, Claim> CLAIMS = new WeakHashMap<>();

    private CheckerClaims() {
    }

    /**
     * Records that the plugin started for this compilation.
     *
     * @param task the compilation
     * @param pluginOptions the options given as plugin arguments, keys with the {@code allocdiscipline.} prefix
     */
    public static synchronized void pluginStarted(JavacTask task, Map<String, String> pluginOptions) {
        claim(task).pluginOptions = Map.copyOf(pluginOptions);
    }

    /**
     * Records that the processor checks this compilation.
     *
     * @param task the compilation
     * @return the options the plugin was given for it (empty if none, or if the plugin did not start)
     */
    public static synchronized Map<String, String> processorStarted(JavacTask task) {
        Claim claim = claim(task);
        claim.processorChecks = true;
        return claim.pluginOptions;
    }

    /**
     * The compilation's claim, made on first use. Plain code rather than a lambda: every lambda the checker
     * runs in a compilation without findings is a class that a fresh javac process spins at run time.
     */
    private static Claim claim(JavacTask task) {
        Claim claim = CLAIMS.get(task);
        if (claim == null) {
            claim = new Claim();
            CLAIMS.put(task, claim);
        }
        return claim;
    }

    /**
     * Whether the processor checks this compilation.
     *
     * @param task the compilation
     * @return whether the processor checks it
     */
    public static synchronized boolean processorChecks(JavacTask task) {
        Claim claim = CLAIMS.get(task);
        return claim != null && claim.processorChecks;
    }

    private static final class Claim {
        private Map<String, String> pluginOptions = Map.of();
        private boolean processorChecks;
    }
}
