package org.allocdiscipline.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.annotation.processing.SupportedAnnotationTypes;
import org.junit.jupiter.api.Test;

/** What javac and Gradle read from the jar to find and classify the processor. */
class RegistrationTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = AllocatorDisciplineProcessor.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void javacFindsTheProcessorThroughTheServiceFile() throws IOException {
        assertThat(resource("META-INF/services/javax.annotation.processing.Processor").lines())
                .contains(AllocatorDisciplineProcessor.class.getName());
    }

    @Test
    void gradleTreatsItAsIsolating() throws IOException {
        assertThat(resource("META-INF/gradle/incremental.annotation.processors").strip())
                .isEqualTo(AllocatorDisciplineProcessor.class.getName() + ",isolating");
    }

    @Test
    void runsOnEverySourceAndClaimsNothing() {
        AllocatorDisciplineProcessor processor = new AllocatorDisciplineProcessor();
        assertThat(processor.getClass().getAnnotation(SupportedAnnotationTypes.class).value()).containsExactly("*");
        assertThat(processor.process(Set.of(), null)).isFalse();
        assertThat(processor.getSupportedOptions()).isEqualTo(Options.KEYS);
    }
}
