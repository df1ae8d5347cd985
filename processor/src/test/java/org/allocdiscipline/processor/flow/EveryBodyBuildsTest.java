package org.allocdiscipline.processor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every body that the checker's collector finds, nested ones included, gets a graph. */
class EveryBodyBuildsTest {

    @Test
    void everyCollectedBodyBuildsAGraphWithAnExit() {
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
        List<TreePath> bodies = c.bodies();
        List<String> kinds = new ArrayList<>();
        for (TreePath body : bodies) {
            kinds.add(body.getLeaf().getKind().name());
            Cfg cfg = c.builder(CfgOptions.DEFAULT).build(body);
            assertThat(cfg.normalExits()).isNotEmpty();
        }
        // field, static block, constructor B, m, two lambdas, the anonymous class's field x, toString,
        // y, and R's compact constructor; not the default constructors that javac adds to the
        // attributed tree (the anonymous class's and Local's), which are nobody's code
        assertThat(kinds).containsExactly("VARIABLE", "BLOCK", "METHOD", "METHOD", "LAMBDA_EXPRESSION",
                "LAMBDA_EXPRESSION", "VARIABLE", "METHOD", "METHOD", "METHOD");
    }
}
