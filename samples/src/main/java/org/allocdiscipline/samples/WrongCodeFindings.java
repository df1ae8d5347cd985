package org.allocdiscipline.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The processor's findings on the deliberately wrong library code in {@code src/wrong/java},
 * read back from the SARIF report that the samples build writes.
 */
public final class WrongCodeFindings {
    /** The system property that names the SARIF report (set by the demo profile). */
    public static final String REPORT_PROPERTY = "allocdiscipline.samples.wrongCodeSarif";

    /** One finding: rule, file name, position and message. */
    public record Finding(String ruleId, String file, int line, int column, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + " [" + ruleId + "] " + message;
        }
    }

    private WrongCodeFindings() {
    }

    /**
     * Reads every result of a SARIF 2.1.0 report.
     *
     * @param sarif the report
     * @return its findings, in report order
     * @throws IOException if the report cannot be read
     */
    public static List<Finding> read(Path sarif) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(sarif));
        List<Finding> findings = new ArrayList<>();
        for (JsonNode run : root.path("runs")) {
            for (JsonNode result : run.path("results")) {
                JsonNode location = result.path("locations").path(0).path("physicalLocation");
                String uri = location.path("artifactLocation").path("uri").asString();
                JsonNode region = location.path("region");
                findings.add(new Finding(result.path("ruleId").asString(), uri.substring(uri.lastIndexOf('/') + 1),
                        region.path("startLine").asInt(), region.path("startColumn").asInt(),
                        result.path("message").path("text").asString()));
            }
        }
        return findings;
    }

    public static void main(String[] args) throws IOException {
        String report = System.getProperty(REPORT_PROPERTY);
        if (report == null || !Files.isReadable(Path.of(report))) {
            System.out.println("(no report of the wrong code: build the samples module first)");
            return;
        }
        System.out.println("samples/src/wrong/java is library code written wrong on purpose; the processor says:");
        for (Finding finding : read(Path.of(report))) {
            System.out.println("  " + finding);
        }
    }
}
