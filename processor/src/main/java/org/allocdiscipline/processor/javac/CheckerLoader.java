package org.allocdiscipline.processor.javac;

import com.sun.source.util.Plugin;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.annotation.processing.ProcessingEnvironment;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Where the checker's classes come from: one class loader per JVM for the checker's jars, kept from
 * one compilation to the next.
 *
 * <p>javac makes a new class loader for the processor path of every compilation. In a JVM that compiles
 * many times (Maven's in-process compiler across the modules of a build, a build daemon, an IDE) each
 * compilation would load, verify and JIT-compile the checker again and run much of it in the
 * interpreter: on jline-terminal-ffm the checker's own CPU per compilation is about 9 times what it is
 * once its code stays loaded. So the entry points that javac loads ({@code AllocDisciplinePlugin},
 * {@code AllocatorDisciplineProcessor}) only hand over to classes of a loader that this JVM keeps for
 * the jars the checker runs from (its own and jackson-core's), keyed by their paths and checked
 * against their sizes and modification times and the parent loader javac chose; a jar that changed
 * gets a new loader in place of the old one. The first compilation in a JVM keeps nothing and only
 * leaves a mark: most JVMs that compile once never compile again.
 *
 * <p>The loader is kept in an MBean server of its own (not the platform one, which costs more to
 * start) that the JDK's {@link MBeanServerFactory} holds: the JDK's one registry of objects shared
 * between class loaders that do not see each other's classes. Code that runs from a directory (tests,
 * an IDE's output folder) can change without the directory showing it, and is never kept; nor is
 * anything when the JVM has no {@code java.management} module or the lookup fails: then the entry
 * point's own loader serves, as before.
 */
public final class CheckerLoader {
    /** The system property that says the checker has started in this JVM before. */
    static final String COMPILED = "org.allocdiscipline.checker.started";
    /** The MBean server's default domain, by which it is found again. */
    static final String DOMAIN = "org.allocdiscipline.checker";
    /** A class file of the checker's jar. */
    private static final String CHECKER = CheckerLoader.class.getName().replace('.', '/') + ".class";
    /**
     * A class file of each jar the checker uses when it is there: jackson-core writes SARIF reports, and
     * a processor path without it serves every other option.
     */
    private static final List<String> DEPENDENCIES = List.of("tools/jackson/core/JsonGenerator.class");

    // This class is loaded by each compilation's loader, so these are per compilation (see loaderFor).
    private static ClassLoader decidedFor;
    private static ClassLoader decision;

    private CheckerLoader() {
    }

    /**
     * Makes an instance of one of the checker's classes, from the loader this JVM keeps for the checker's
     * jars when there is one.
     *
     * @param entry the entry point javac loaded (its loader finds the jars)
     * @param implementation the class to instantiate, by name, with a public no-argument constructor
     * @param type a JDK type the class implements, through which the entry point calls it
     * @param <T> that type
     * @return the instance
     * @throws ReflectiveOperationException when the class cannot be made
     */
    public static <T> T instance(Class<?> entry, String implementation, Class<T> type)
            throws ReflectiveOperationException {
        return type.cast(Class.forName(implementation, true, loaderFor(entry.getClassLoader())).getConstructor()
                .newInstance());
    }

    /**
     * Where both entry points of one compilation get their classes: the answer is decided once per loader
     * of javac's, since both are loaded by it and must agree (they find out through {@link CheckerClaims}
     * which of them checks), also in the compilation that makes the kept loader.
     */
    private static synchronized ClassLoader loaderFor(ClassLoader javacs) {
        if (javacs != decidedFor) {
            decision = kept(javacs).orElse(javacs);
            decidedFor = javacs;
        }
        return decision;
    }

    /**
     * The loader this JVM keeps for the jars a loader of javac's finds the checker in, made on first use.
     *
     * @param javacs the loader javac gave the entry point
     * @return the kept loader, or empty when none can be kept
     */
    static Optional<ClassLoader> kept(ClassLoader javacs) {
        try {
            Optional<List<Path>> jars = jars(javacs);
            if (jars.isEmpty() || firstCompilation()) {
                return Optional.empty();
            }
            String stamp = stamp(jars.get());
            ObjectName name = new ObjectName(DOMAIN, "jars", ObjectName.quote(jars.get().toString()));
            // MBeanServerFactory's own methods lock its class: holding that lock makes finding, making and
            // registering one step for every thread of the JVM.
            synchronized (MBeanServerFactory.class) {
                MBeanServer server = server();
                if (server.isRegistered(name)) {
                    Object[] held = (Object[]) server.invoke(name, "get", null, null);
                    if (stamp.equals(held[0]) && held[1] == javacs.getParent()) {
                        return Optional.of((ClassLoader) held[2]);
                    }
                    server.unregisterMBean(name);
                }
                URL[] urls = new URL[jars.get().size()];
                for (int i = 0; i < urls.length; i++) {
                    urls[i] = jars.get().get(i).toUri().toURL();
                }
                URLClassLoader loader = new URLClassLoader(urls, javacs.getParent());
                if (!seesTheSameCompiler(loader)) {
                    loader.close();
                    return Optional.empty();
                }
                Supplier<?> anchor = (Supplier<?>) Class.forName(LoaderAnchor.class.getName(), true, loader)
                        .getConstructor(String.class, ClassLoader.class).newInstance(stamp, javacs.getParent());
                server.registerMBean(new StandardMBean(anchor, Supplier.class), name);
                return Optional.of(loader);
            }
        } catch (JMException | ReflectiveOperationException | IOException | URISyntaxException | RuntimeException
                | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this is the JVM's first compilation with the checker, which keeps nothing: a JVM that
     * compiles once (a one-shot javac, a forked compiler) would gain nothing from a kept loader and pay
     * for its registry (about 150 more classes, 15 to 30 ms of CPU). The mark it leaves is a system
     * property, the one JVM-wide state that costs nothing to read; a String, as code that copies system
     * properties expects.
     */
    private static boolean firstCompilation() {
        if (System.getProperty(COMPILED) != null) {
            return false;
        }
        System.setProperty(COMPILED, "true");
        return true;
    }

    /**
     * Whether the types through which the entry points call the checker are the same classes from the
     * new loader's parent as from javac's loader; a build tool that gives javac's loader a parent that
     * does not see the compiler's API would otherwise make a checker that cannot start.
     */
    private static boolean seesTheSameCompiler(ClassLoader loader) throws ClassNotFoundException {
        for (Class<?> shared : List.of(Plugin.class, ProcessingEnvironment.class, Consumer.class)) {
            if (Class.forName(shared.getName(), false, loader) != shared) {
                return false;
            }
        }
        return true;
    }

    private static MBeanServer server() {
        for (MBeanServer server : MBeanServerFactory.findMBeanServer(null)) {
            if (DOMAIN.equals(server.getDefaultDomain())) {
                return server;
            }
        }
        return MBeanServerFactory.createMBeanServer(DOMAIN);
    }

    /** The jar files the checker's classes and its dependencies' come from; empty if any is not a jar file. */
    private static Optional<List<Path>> jars(ClassLoader javacs) throws URISyntaxException {
        List<Path> jars = new ArrayList<>();
        Path checker = jarFile(javacs.getResource(CHECKER));
        if (checker == null) {
            return Optional.empty();
        }
        jars.add(checker);
        for (String dependency : DEPENDENCIES) {
            URL url = javacs.getResource(dependency);
            if (url == null) {
                continue;
            }
            Path jar = jarFile(url);
            if (jar == null) {
                return Optional.empty();
            }
            jars.add(jar);
        }
        return Optional.of(jars);
    }

    /** The jar file a resource's URL points into, or null when it is not in a jar file. */
    private static Path jarFile(URL resource) throws URISyntaxException {
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            return null;
        }
        String spec = resource.getPath();
        int separator = spec.indexOf("!/");
        URL file = separator < 0 ? null : toUrl(spec.substring(0, separator));
        return file == null || !"file".equals(file.getProtocol()) ? null : Path.of(file.toURI());
    }

    private static URL toUrl(String spec) {
        try {
            return java.net.URI.create(spec).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            return null;
        }
    }

    /** Sizes and modification times: a jar rebuilt or replaced in place gets a new loader. */
    private static String stamp(List<Path> jars) throws IOException {
        StringBuilder stamp = new StringBuilder();
        for (Path jar : jars) {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            stamp.append(attributes.size()).append('@').append(attributes.lastModifiedTime().toMillis())
                    .append(File.pathSeparatorChar);
        }
        return stamp.toString();
    }
}
