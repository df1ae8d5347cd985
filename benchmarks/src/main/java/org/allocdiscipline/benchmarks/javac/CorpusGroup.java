package org.allocdiscipline.benchmarks.javac;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The kinds of corpora the harness compiles, and which of them a run selects with {@code --only}. */
enum CorpusGroup {
    /** The commons libraries: every {@code *-sources.jar} of {@code --sources-jars}. */
    REAL("sources-jars"),
    /** The FFM libraries: every {@code .corpus} file of {@code --ffm-libraries}. */
    FFM("ffm-libraries"),
    /** The generated corpus, at every {@code --scales} factor (warm mode only). */
    SYNTHETIC(null);

    private final String inputFlag;

    CorpusGroup(String inputFlag) {
        this.inputFlag = inputFlag;
    }

    /** @return the flag that names this group's input, or null if the harness makes it itself */
    String inputFlag() {
        return inputFlag;
    }

    /**
     * The groups {@code --only} names: a comma-separated list of {@code real}, {@code ffm} and
     * {@code synthetic}, or {@code all}. {@code all} is every group whose input flag is given, so that a
     * command naming only {@code --sources-jars} measures the commons corpora as before; a group named
     * explicitly needs its flag.
     */
    static Set<CorpusGroup> selected(String only, Map<String, String> flags) {
        Set<CorpusGroup> groups = EnumSet.noneOf(CorpusGroup.class);
        if (only.equals("all")) {
            for (CorpusGroup group : values()) {
                if (group.inputFlag == null || flags.containsKey(group.inputFlag)) {
                    groups.add(group);
                }
            }
            return groups;
        }
        for (String name : only.split(",")) {
            CorpusGroup group = Arrays.stream(values()).filter(g -> g.flagValue().equals(name.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--only takes all or a comma-separated list of"
                            + " real, ffm and synthetic, not " + only));
            if (group.inputFlag != null && !flags.containsKey(group.inputFlag)) {
                throw new IllegalArgumentException("--only " + group.flagValue() + " needs --" + group.inputFlag);
            }
            groups.add(group);
        }
        return groups;
    }

    private String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
