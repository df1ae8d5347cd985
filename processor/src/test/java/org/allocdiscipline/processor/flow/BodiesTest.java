package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodiesTest {

    @Test
    void findsEveryBodyIncludingNestedOnesAndEachBuilds() {
        Compiled c = Compiled.of("""
                abstract class B {
                    Object field = new Object();
                    static { System.out.println(); }
                    abstract void none();
                    B() { }
                    void m() {
                        Runnable r = () -> { Runnable inner = () -> {}; };
                        Object o = new Object() { int x = 1; public String toString() { return ""; } };
                        class Local { void y() { } }
                    }
                    record R(int a) { R { } }
                }
                """);
        List<TreePath> bodies = Bodies.under(new TreePath(c.units.get(0)));
        List<String> kinds = new ArrayList<>();
        for (TreePath body : bodies) {
            kinds.add(body.getLeaf().getKind().name());
            Cfg cfg = c.builder(CfgOptions.DEFAULT).build(body);
            assertThat(cfg.normalExits()).isNotEmpty();
        }
        // field, static block, constructor B, m, two lambdas, the anonymous class's constructor (javac
        // adds default constructors to the attributed tree), its field x, toString, Local's default
        // constructor, y, and R's compact constructor
        assertThat(kinds).containsExactly("VARIABLE", "BLOCK", "METHOD", "METHOD", "LAMBDA_EXPRESSION",
                "LAMBDA_EXPRESSION", "METHOD", "VARIABLE", "METHOD", "METHOD", "METHOD", "METHOD");
    }
}
