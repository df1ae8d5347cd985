package org.allocdiscipline.processor.testing;

import com.google.testing.compile.JavaFileObjects;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;

/**
 * A test source whose lines are named by markers at their end ({@code // @loop-alloc}), so that a
 * test speaks of "the line of the loop's allocation" and never counts lines by hand: adding a line
 * to the source moves every number with it.
 */
public final class MarkedSource {
    private static final Pattern MARKER = Pattern.compile("//\\s*@([\\w-]+)\\s*$");

    private final JavaFileObject file;
    private final Map<String, Long> lines;

    private MarkedSource(JavaFileObject file, Map<String, Long> lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * A source from its lines.
     *
     * @param className the fully qualified name of its top-level class
     * @param sourceLines its lines, some ending with a marker
     * @return the source
     * @throws IllegalArgumentException if a marker names two lines
     */
    public static MarkedSource of(String className, String... sourceLines) {
        Map<String, Long> lines = new HashMap<>();
        for (int i = 0; i < sourceLines.length; i++) {
            Matcher marker = MARKER.matcher(sourceLines[i]);
            if (marker.find() && lines.put(marker.group(1), i + 1L) != null) {
                throw new IllegalArgumentException("marker @" + marker.group(1) + " on two lines");
            }
        }
        return new MarkedSource(JavaFileObjects.forSourceLines(className, sourceLines), lines);
    }

    /**
     * The source, for the compiler.
     *
     * @return the file object
     */
    public JavaFileObject file() {
        return file;
    }

    /**
     * The number of the line that carries a marker.
     *
     * @param marker the marker's name, without {@code @}
     * @return the 1-based line number
     * @throws IllegalArgumentException if no line carries it
     */
    public long line(String marker) {
        Long line = lines.get(marker);
        if (line == null) {
            throw new IllegalArgumentException("no line marked @" + marker);
        }
        return line;
    }
}
