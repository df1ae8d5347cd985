package org.allocdiscipline.benchmarks.javac;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A plugin that registers a task listener which does nothing: what javac itself charges any plugin
 * that listens. The command-line javac parses without doc comments and end positions until a task
 * listener is registered, and with both from then on; the checker needs a listener to see analysed
 * classes, so this is the floor of its cold cost.
 */
public final class EmptyListenerPlugin implements Plugin, TaskListener {
    /** The name for {@code -Xplugin:}. */
    static final String NAME = "EmptyListener";

    /** The plugin as javac's service loader creates it. */
    public EmptyListenerPlugin() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void init(JavacTask task, String... arguments) {
        // The plugin is its own listener: the jar then needs no class besides this one.
        task.addTaskListener(this);
    }

    /**
     * Writes a jar that holds only this plugin (its class and service file), to put on javac's processor
     * path as the checker's jar is.
     */
    static Path writeJar(Path jar) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        String classFile = EmptyListenerPlugin.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                InputStream bytes = EmptyListenerPlugin.class.getClassLoader().getResourceAsStream(classFile)) {
            if (bytes == null) {
                throw new IOException("cannot read " + classFile);
            }
            out.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(out);
            out.putNextEntry(new JarEntry("META-INF/services/" + Plugin.class.getName()));
            out.write((EmptyListenerPlugin.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
