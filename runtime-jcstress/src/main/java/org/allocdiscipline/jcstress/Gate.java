package org.allocdiscipline.jcstress;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;

import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

/**
 * Runs jcstress with the given options, then fails (exit status 1) unless every selected test ran
 * and passed. jcstress itself fails on a FORBIDDEN outcome, but passes a test that did not run at
 * all: one with more actors than the machine has CPUs, or one whose forked VM could not load it.
 */
public final class Gate {
    private Gate() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        if (!options.parse()) {
            System.exit(1);
        }
        JCStress jcstress = new JCStress(options);
        SortedSet<String> selected = jcstress.getTests();
        // Throws AssertionError, which ends the VM with status 1, when a test saw a FORBIDDEN outcome.
        jcstress.run();

        InProcessCollector collected = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(options.getResultFile(), collected);
        reader.dump();
        reader.close();
        TreeMap<String, Long> samples = new TreeMap<>();
        for (String test : selected) {
            samples.put(test, 0L);
        }
        List<String> problems = new ArrayList<>();
        for (TestResult result : collected.getTestResults()) {
            if (result.status() != Status.NORMAL) {
                problems.add(result.getName() + ": " + result.status() + " " + result.getMessages());
            } else if (!result.grading().isPassed) {
                problems.add(result.getName() + ": " + result.grading().failureMessages);
            }
            samples.merge(result.getName(), result.getTotalCount(), Long::sum);
        }
        samples.forEach((test, count) -> {
            if (count == 0) {
                problems.add(test + ": did not run (no samples)");
            }
        });
        if (selected.isEmpty()) {
            problems.add("no test matched");
        }
        System.out.println();
        System.out.println("jcstress gate: " + selected.size() + " test(s), samples " + samples);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> System.out.println("jcstress gate: FAILED " + problem));
            System.exit(1);
        }
        System.out.println("jcstress gate: all passed");
    }
}
