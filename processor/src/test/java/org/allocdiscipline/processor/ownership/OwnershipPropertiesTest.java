package org.allocdiscipline.processor.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.allocdiscipline.processor.flow.CfgOptions;

/**
 * Random programs in which every allocation is freed at once (or made and freed under two tests
 * of one flag) are clean in every statement context; removing one free yields exactly one leak at
 * that allocation, and repeating one yields exactly one double free at the repeat. Some values come
 * from private factories and some are freed by private helpers: removing a helper's free leaks at the
 * caller's allocation, repeating it is a double free in the helper.
 */
class OwnershipPropertiesTest {
    private static final String PRELUDE_LINES = "import java.io.IOException;\nimport java.lang.foreign.MemorySegment;\n"
            + "import org.allocdiscipline.*;\n";

    @Property(tries = 25)
    void cleanProgramsHaveNoFindingsAndSeededBugsAreFound(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        OwnedProgramGenerator generator = new OwnedProgramGenerator(seed);
        String clean = generator.source();
        Assume.that(!generator.triples.isEmpty());
        assertThat(OwnershipHarness.actual(clean, CfgOptions.DEFAULT)).as(clean).isEmpty();

        String[] victim = generator.triples.get((int) (seed % generator.triples.size()));
        String leaking = clean.replace(victim[1] + "\n", "\n");
        assertThat(OwnershipHarness.actual(leaking, CfgOptions.DEFAULT)).as(leaking)
                .singleElement().asString().startsWith(lineOf(leaking, victim[0]) + ": leak ");

        String twice = clean.replace(victim[1] + "\n", victim[1] + "\n" + victim[1] + "\n");
        assertThat(OwnershipHarness.actual(twice, CfgOptions.DEFAULT)).as(twice)
                .containsExactly((lineOf(twice, victim[1]) + 1) + ": double-free");
    }

    private static int lineOf(String source, String text) {
        List<String> lines = List.of((PRELUDE_LINES + source).split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in\n" + source);
    }
}
