package org.allocdiscipline.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.allocdiscipline.processor.report.Severity;
import org.allocdiscipline.processor.rules.Rules;
import org.junit.jupiter.api.Test;

class OptionsTest {
    private static final Set<String> IDS = Rules.documentedIds();

    @Test
    void defaultsWhenNothingIsGiven() {
        Options options = Options.parse(Map.of("other.processor.flag", "x"), IDS);
        assertThat(options).isEqualTo(Options.defaults());
    }

    @Test
    void parsesEveryOption() {
        Options options = Options.parse(Map.of(
                "allocdiscipline.severity", "ERROR",
                "allocdiscipline.sarif", "target/a.sarif",
                "allocdiscipline.baseline", "baseline.txt",
                "allocdiscipline.baseline.write", "true",
                "allocdiscipline.uncheckedExceptions", "true",
                "allocdiscipline.disable", " hardcoded-allocator , double-free,",
                "allocdiscipline.timing", "TRUE"), IDS);

        assertThat(options.severity()).isEqualTo(Severity.ERROR);
        assertThat(options.sarif()).contains(Path.of("target/a.sarif"));
        assertThat(options.baseline()).contains(Path.of("baseline.txt"));
        assertThat(options.writeBaseline()).isTrue();
        assertThat(options.uncheckedExceptions()).isTrue();
        assertThat(options.disabledRules()).containsExactlyInAnyOrder("hardcoded-allocator", "double-free");
        assertThat(options.enabled("hardcoded-allocator")).isFalse();
        assertThat(options.enabled("owned-not-freed")).isTrue();
        assertThat(options.timing()).isTrue();
    }

    @Test
    void flagWithoutValueMeansTrue() {
        Map<String, String> raw = new HashMap<>();
        raw.put("allocdiscipline.uncheckedExceptions", null);
        assertThat(Options.parse(raw, IDS).uncheckedExceptions()).isTrue();
    }

    @Test
    void misspeltSeverityIsAnErrorNotAWarning() {
        assertThatThrownBy(() -> Options.parse(Map.of("allocdiscipline.severity", "eror"), IDS))
                .isInstanceOf(Options.InvalidOptionsException.class)
                .hasMessageContaining("-Aallocdiscipline.severity=eror is not a severity; use warning or error");
    }

    @Test
    void everyProblemIsListed() {
        Options.InvalidOptionsException e = (Options.InvalidOptionsException) org.assertj.core.api.Assertions
                .catchThrowable(() -> Options.parse(Map.of(
                        "allocdiscipline.severty", "error",
                        "allocdiscipline.uncheckedExceptions", "yes",
                        "allocdiscipline.disable", "hardcoded-alocator",
                        "allocdiscipline.sarif", " ",
                        "allocdiscipline.baseline.write", "true"), IDS));

        assertThat(e.problems()).hasSize(5);
        assertThat(e.getMessage())
                .contains("unknown option -Aallocdiscipline.severty; did you mean -Aallocdiscipline.severity?")
                .contains("-Aallocdiscipline.uncheckedExceptions=yes is not a boolean")
                .contains("unknown rule 'hardcoded-alocator'")
                .contains("-Aallocdiscipline.sarif needs a file path")
                .contains("needs -Aallocdiscipline.baseline=<path>");
    }

    @Test
    void aMisspeltPrefixOrKeyIsNamedWithTheClosestOption() {
        assertThat(Options.misspellings(Set.of("allocdiscpline.severity", "alocdiscipline.sarif", "allocdiscipline.sarf",
                "allocdisciplin.baseline.write", "other.processor.flag", "severity", "mapstruct.defaultComponentModel")))
                .containsExactlyInAnyOrder(
                        "the option -Aallocdiscpline.severity is not an allocdiscipline option and javac gives it to no"
                                + " one, so it has no effect; did you mean -Aallocdiscipline.severity?",
                        "the option -Aallocdisciplin.baseline.write is not an allocdiscipline option and javac gives it"
                                + " to no one, so it has no effect; did you mean -Aallocdiscipline.baseline.write?",
                        "the option -Aalocdiscipline.sarif is not an allocdiscipline option and javac gives it to no"
                                + " one, so it has no effect; did you mean -Aallocdiscipline.sarif?");
    }

    @Test
    void disableAllNamesEveryRule() {
        assertThat(Options.parse(Map.of("allocdiscipline.disable", "all"), IDS).disabledRules())
                .containsExactlyInAnyOrderElementsOf(IDS);
        assertThat(Options.parse(Map.of("allocdiscipline.disable", " all , double-free"), IDS).disabledRules())
                .containsExactlyInAnyOrderElementsOf(IDS);
    }
}
