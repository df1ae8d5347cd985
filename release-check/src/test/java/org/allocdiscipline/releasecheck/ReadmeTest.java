package org.allocdiscipline.releasecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the README tells a user to write is what the consumer builds build. */
class ReadmeTest {

    private static final Path ROOT = Path.of(System.getProperty("allocdiscipline.root", ".."));
    private static final String VERSION = System.getProperty("allocdiscipline.version");

    @Test
    void theUseItPomIsTheOneTheConsumerItBuilds() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Use it in your project"));
        Matcher block = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(block.find()).as("an xml block in \"Use it in your project\"").isTrue();

        String itPom = Files.readString(ROOT.resolve("processor/src/it/consumer-readme/pom.xml"));

        assertThat(block.group(1)).isEqualTo(itPom.replace("@project.version@", VERSION));
    }

    @Test
    void theGateIsTheOneTheConsumerItProvesInBothSetups() throws IOException {
        List<String> blocks = xmlBlocks(section(Files.readString(ROOT.resolve("README.md")), "## The gate"));
        assertThat(blocks).as("the gate's two xml blocks: the default setup, the plugin setup").hasSize(2);
        Path it = ROOT.resolve("processor/src/it/consumer-gate-tests");
        String defaultSetup = Files.readString(it.resolve("pom.xml"));
        String pluginSetup = Files.readString(it.resolve("plugin-setup/pom.xml"));

        assertThat(trimmedLines(executions(blocks.get(0)))).isEqualTo(trimmedLines(executions(defaultSetup)));
        assertThat(trimmedLines(executions(blocks.get(1)))).isEqualTo(trimmedLines(executions(pluginSetup)));
        assertThat(blocks.get(1)).contains("<proc>none</proc>");
        assertThat(pluginSetup).contains("<proc>none</proc>");
        assertThat(defaultSetup).doesNotContain("<proc>");
    }

    @Test
    void theGatesAcceptCommandIsTheOneTheConsumerItRuns() throws IOException {
        String gate = section(Files.readString(ROOT.resolve("README.md")), "## The gate");
        String invoker = Files.readString(ROOT.resolve("processor/src/it/consumer-gate-tests/invoker.properties"));
        Matcher first = Pattern.compile("invoker\\.goals\\.1 = (.*)").matcher(invoker);
        assertThat(first.find()).isTrue();

        assertThat(gate).contains("\nmvn " + first.group(1) + "\n");
    }

    private static String section(String readme, String heading) {
        int start = readme.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length());
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    private static List<String> xmlBlocks(String text) {
        Matcher block = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(text);
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    private static String executions(String xml) {
        int start = xml.indexOf("<executions>");
        int end = xml.indexOf("</executions>");
        assertThat(start).as("an <executions> element in:\n" + xml).isNotNegative();
        return xml.substring(start, end + "</executions>".length());
    }

    /** The README indents its snippet less than the pom nests it. */
    private static List<String> trimmedLines(String xml) {
        return xml.lines().map(String::strip).toList();
    }

    @Test
    void everyVersionTheReadmeNamesIsTheProjectVersion() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher coordinates = Pattern.compile("allocdiscipline-(?:runtime|processor):([^\"\\s]+)\"").matcher(readme);
        Matcher property = Pattern.compile("<allocdiscipline.version>([^<]+)<").matcher(readme);
        int found = 0;
        while (coordinates.find()) {
            assertThat(coordinates.group(1)).isEqualTo(VERSION);
            found++;
        }
        while (property.find()) {
            assertThat(property.group(1)).isEqualTo(VERSION);
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(3);
    }

    @Test
    void noDocumentPointsOutsideTheRepository() throws IOException {
        try (var files = Files.walk(ROOT, 2)) {
            for (Path doc : files.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("target"))
                    .toList()) {
                String text = Files.readString(doc);
                assertThat(text).as(doc.toString())
                        .doesNotContain("DESIGN.md", "DESIGN section", "../shared", "founding contract");
            }
        }
    }
}
