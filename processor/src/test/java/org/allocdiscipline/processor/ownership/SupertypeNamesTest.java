package org.allocdiscipline.processor.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.allocdiscipline.processor.testing.Checker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The supertype walk that spares the look-up of a type: a "no" must never hide a real subtype. */
class SupertypeNamesTest {
    private static final String SOURCE = """
            package p;
            interface Target {}
            interface Middle extends Target {}
            abstract class Base implements Middle {}
            class Leaf extends Base implements Runnable { public void run() {} }
            class Unrelated implements Runnable { public void run() {} }
            """;
    private static Elements elements;

    @BeforeAll
    static void compile() {
        var file = new SimpleJavaFileObject(URI.create("string:///p/Types.java"), SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return SOURCE;
            }
        };
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, diagnostic -> { },
                List.of("-proc:none", Checker.PLUGIN_OFF, "--release", "25"), null, List.of(file));
        try {
            task.analyze();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        elements = task.getElements();
    }

    private static TypeElement type(String name) {
        return elements.getTypeElement("p." + name);
    }

    @Test
    void theNamedTypeAndEveryClassBelowItMayNameIt() {
        SupertypeNames names = new SupertypeNames("p.Target");
        assertThat(names.mayName(type("Target"))).isTrue();
        assertThat(names.mayName(type("Leaf"))).as("through a superclass's interface's interface").isTrue();
        assertThat(names.mayName(type("Middle"))).isTrue();
    }

    @Test
    void aClassWithoutTheNameAboveItDoesNot() {
        SupertypeNames names = new SupertypeNames("p.Target");
        assertThat(names.mayName(type("Unrelated"))).isFalse();
        // Asked after a class whose answer is cached on the way: the cache gives the same answers.
        assertThat(names.mayName(type("Base"))).isTrue();
        assertThat(names.mayName(type("Leaf"))).isTrue();
        assertThat(names.mayName(type("Unrelated"))).isFalse();
    }
}
