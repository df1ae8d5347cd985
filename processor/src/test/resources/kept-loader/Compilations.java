import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one source three times in this JVM with the checker on the processor path, as a build tool
 * that runs javac in-process does: as processor and plugin, as a plugin alone, as both again. After each, prints
 * the findings and which loader the JVM keeps for the checker. Run by CheckerLoaderTest with no class
 * path of its own, so that javac's processor loader finds the checker only in the jar it is given.
 *
 * java Compilations.java PROCESSOR_JAR RUNTIME_CLASSES SOURCE OUT_DIR
 */
public class Compilations {
    public static void main(String[] args) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<List<String>> setups = List.of(List.of(), List.of("-proc:none", "-Xplugin:AllocDiscipline"), List.of());
        for (List<String> setup : setups) {
            List<String> options = new ArrayList<>(List.of("--release", "25", "-d", args[3], "-classpath", args[1],
                    "-processorpath", args[0]));
            options.addAll(setup);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
                boolean compiled = javac.getTask(null, files, diagnostics, options, null,
                        files.getJavaFileObjects(Path.of(args[2]))).call();
                System.out.println("compiled " + compiled);
            }
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() != Diagnostic.Kind.NOTE) {
                    System.out.println("finding " + diagnostic.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
                }
            }
            System.out.println("kept " + kept());
        }
        boolean platform = ManagementFactory.getPlatformMBeanServer().queryNames(null, null).stream()
                .anyMatch(name -> name.getDomain().startsWith("org.allocdiscipline"));
        System.out.println("platform server holds the checker " + platform);
    }

    /** The identities of the loaders kept in the checker's MBean server. */
    private static String kept() throws Exception {
        List<String> kept = new ArrayList<>();
        for (MBeanServer server : MBeanServerFactory.findMBeanServer(null)) {
            for (ObjectName name : server.queryNames(null, null)) {
                if (name.getDomain().equals(server.getDefaultDomain()) && !name.getDomain().startsWith("JMImplementation")) {
                    Object[] held = (Object[]) server.invoke(name, "get", null, null);
                    kept.add(server.getDefaultDomain() + "/" + System.identityHashCode(held[2]));
                }
            }
        }
        return kept.toString();
    }
}
