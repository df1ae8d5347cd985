package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.util.TreePath;
import java.util.List;
import org.allocdiscipline.processor.ownership.OwnershipAnalysis;
import org.junit.jupiter.api.Test;

/** Code with unresolved names and type errors still yields graphs, and nothing throws. */
class ErroneousCodeTest {

    @Test
    void unresolvedSymbolsDoNotBreakTheBuilderOrTheAnalysis() {
        Compiled c = Compiled.withErrors("""
                class Broken {
                    @org.allocdiscipline.Owned static AutoCloseable make() { return null; }
                    void m(Object o) throws Exception {
                        AutoCloseable owned = make();
                        undefined(o, owned);
                        owned = missing(owned);
                        Missing x = new Missing(1);
                        try (Missing r = open()) { x.go(); } catch (MissingException e) { throw e; }
                        switch (o) { case Missing q -> q.go(); default -> { } }
                        int k = "text";
                        for (Missing each : x) { each.go(); }
                        assert unknown != null;
                        label: while (cond()) { if (x.flag) break label; else continue label; }
                    }
                }
                """, """
                package org.allocdiscipline;
                public @interface Owned {}
                """);
        List<TreePath> bodies = c.bodies();
        boolean leakFound = false;
        assertThat(bodies).isNotEmpty();
        for (CfgOptions options : List.of(CfgOptions.DEFAULT, new CfgOptions(true, 0))) {
            OwnershipAnalysis ownership = new OwnershipAnalysis(c.trees, c.types, c.elements, options);
            for (TreePath body : bodies) {
                Cfg cfg = c.builder(options).build(body);
                assertThat(cfg.reachableNodes(n -> true)).isNotEmpty();
                var findings = ownership.analyze(body);
                assertThat(findings.complete()).isTrue();
                leakFound |= !findings.leaks().isEmpty();
            }
        }
        // The analysis did run on the broken body: the owned value is overwritten.
        assertThat(leakFound).isTrue();
    }
}
