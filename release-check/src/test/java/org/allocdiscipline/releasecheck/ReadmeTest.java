package org.allocdiscipline.releasecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
