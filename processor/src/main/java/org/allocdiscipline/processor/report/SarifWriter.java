package org.allocdiscipline.processor.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes a {@link SarifReport} as a SARIF 2.1.0 log. The bytes depend only on the report: rules and
 * findings are sorted, there is no timestamp, and line ends are always {@code \n}, so the same
 * compilation gives the same file on every machine and every run.
 */
public final class SarifWriter {
    /** The schema URI that SARIF 2.1.0 logs name. */
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private static final String TOOL_NAME = "allocdiscipline";
    private static final String INFORMATION_URI = "https://github.com/allocdiscipline/allocdiscipline";

    private static final JsonFactory JSON = new JsonFactory();

    /** Creates a writer; it keeps no state between reports. */
    public SarifWriter() {
    }

    /**
     * The report as SARIF bytes in UTF-8.
     *
     * @param report the report
     * @return the SARIF log
     */
    public byte[] toBytes(SarifReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(new PrettyContext(), out, JsonEncoding.UTF8)) {
            writeLog(json, report);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Writes the report to a file, creating its parent directories.
     *
     * @param report the report
     * @param file where to write
     * @throws IOException if the file cannot be written
     */
    public void write(SarifReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, toBytes(report));
    }

    private static void writeLog(JsonGenerator json, SarifReport report) {
        List<RuleDescriptor> rules = new ArrayList<>(report.rules());
        rules.sort(Comparator.comparing(RuleDescriptor::id));
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.sort(Finding.SOURCE_ORDER);

        json.writeStartObject();
        json.writeStringProperty("$schema", SCHEMA_URI);
        json.writeStringProperty("version", "2.1.0");
        json.writeArrayPropertyStart("runs");
        json.writeStartObject();
        writeTool(json, report.toolVersion(), rules);
        writeInvocation(json, report.notifications(), report.errors());
        json.writeStringProperty("columnKind", "utf16CodeUnits");
        json.writeArrayPropertyStart("results");
        for (Finding finding : findings) {
            writeResult(json, finding, ruleIndex, report);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeTool(JsonGenerator json, String version, List<RuleDescriptor> rules) {
        json.writeObjectPropertyStart("tool");
        json.writeObjectPropertyStart("driver");
        json.writeStringProperty("name", TOOL_NAME);
        json.writeStringProperty("version", version);
        json.writeStringProperty("informationUri", INFORMATION_URI);
        json.writeArrayPropertyStart("rules");
        for (RuleDescriptor rule : rules) {
            json.writeStartObject();
            json.writeStringProperty("id", rule.id());
            json.writeStringProperty("name", ruleName(rule.id()));
            json.writeObjectPropertyStart("shortDescription");
            json.writeStringProperty("text", rule.description());
            json.writeEndObject();
            json.writeObjectPropertyStart("help");
            json.writeStringProperty("text", rule.fixHint());
            json.writeEndObject();
            json.writeObjectPropertyStart("defaultConfiguration");
            json.writeStringProperty("level", "warning");
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeInvocation(JsonGenerator json, List<String> notifications, List<String> errors) {
        json.writeArrayPropertyStart("invocations");
        json.writeStartObject();
        // Internal errors are isolated per method: the check itself still ran to the end. An error
        // that fails the run (a baseline that cannot be read) makes the run unsuccessful, so that
        // an upload does not take the log's results for the complete truth.
        json.writeBooleanProperty("executionSuccessful", errors.isEmpty());
        if (!notifications.isEmpty() || !errors.isEmpty()) {
            json.writeArrayPropertyStart("toolExecutionNotifications");
            for (String error : errors) {
                writeNotification(json, "error", error);
            }
            for (String notification : notifications) {
                writeNotification(json, "warning", notification);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void writeNotification(JsonGenerator json, String level, String text) {
        json.writeStartObject();
        json.writeStringProperty("level", level);
        json.writeObjectPropertyStart("message");
        json.writeStringProperty("text", text);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, Finding finding, Map<String, Integer> ruleIndex,
            SarifReport report) {
        boolean accepted = report.acceptedFingerprints().contains(finding.fingerprint());
        json.writeStartObject();
        json.writeStringProperty("ruleId", finding.ruleId());
        Integer index = ruleIndex.get(finding.ruleId());
        if (index != null) {
            json.writeNumberProperty("ruleIndex", index);
        }
        json.writeStringProperty("level", accepted ? "note" : report.severity().sarifLevel());
        json.writeStringProperty("baselineState", accepted ? "unchanged" : "new");
        json.writeObjectPropertyStart("message");
        json.writeStringProperty("text", finding.message() + " Fix: " + finding.fixHint());
        json.writeEndObject();
        json.writeArrayPropertyStart("locations");
        json.writeStartObject();
        json.writeObjectPropertyStart("physicalLocation");
        json.writeObjectPropertyStart("artifactLocation");
        json.writeStringProperty("uri", finding.file());
        json.writeEndObject();
        json.writeObjectPropertyStart("region");
        json.writeNumberProperty("startLine", finding.line());
        json.writeNumberProperty("startColumn", finding.column());
        json.writeNumberProperty("charOffset", finding.startPosition());
        json.writeNumberProperty("charLength", finding.endPosition() - finding.startPosition());
        json.writeObjectPropertyStart("snippet");
        json.writeStringProperty("text", finding.sourceText());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayPropertyStart("logicalLocations");
        json.writeStartObject();
        json.writeStringProperty("fullyQualifiedName", finding.enclosingElement());
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectPropertyStart("partialFingerprints");
        json.writeStringProperty(Fingerprints.SARIF_KEY, finding.fingerprint());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** {@code hardcoded-allocator} becomes {@code HardcodedAllocator}, the SARIF convention for rule names. */
    private static String ruleName(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return name.toString();
    }

    /** Pretty printing with {@code \n} line ends on every platform. */
    private static final class PrettyContext extends ObjectWriteContext.Base {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            return new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    }
}
