package org.allocdiscipline.processor.ffm;

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
            class Broken implements Missing {}
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

    @Test
    void aSupertypeJavacCouldNotResolveIsWalkedOnlyWhenAsked() {
        // Broken's interface does not exist: javac gives it an error type that bears the name as written.
        assertThat(new SupertypeNames("Missing", true).inHierarchy(type("Broken"))).isTrue();
        assertThat(new SupertypeNames("Missing", false).inHierarchy(type("Broken")))
                .as("skipped, as javac's subtype test skips it").isFalse();
    }

    @Test
    void resolvedHierarchiesAnswerAlikeEitherWay() {
        SupertypeNames skipping = new SupertypeNames("p.Target", false);
        assertThat(skipping.inHierarchy(type("Leaf"))).isTrue();
        assertThat(skipping.inHierarchy(type("Unrelated"))).isFalse();
        // Runnable was answered "no" on the way to Unrelated's answer: the cache keeps Leaf's "yes".
        assertThat(skipping.inHierarchy(type("Leaf"))).isTrue();
        assertThat(skipping.inHierarchy(elements.getTypeElement("java.lang.Runnable"))).isFalse();
    }

    private static TypeElement type(String name) {
        return elements.getTypeElement("p." + name);
    }

    @Test
    void theNamedTypeAndEveryClassBelowItMayNameIt() {
        SupertypeNames names = new SupertypeNames("p.Target", true);
        assertThat(names.inHierarchy(type("Target"))).isTrue();
        assertThat(names.inHierarchy(type("Leaf"))).as("through a superclass's interface's interface").isTrue();
        assertThat(names.inHierarchy(type("Middle"))).isTrue();
    }

    @Test
    void aClassWithoutTheNameAboveItDoesNot() {
        SupertypeNames names = new SupertypeNames("p.Target", true);
        assertThat(names.inHierarchy(type("Unrelated"))).isFalse();
        // Asked after a class whose answer is cached on the way: the cache gives the same answers.
        assertThat(names.inHierarchy(type("Base"))).isTrue();
        assertThat(names.inHierarchy(type("Leaf"))).isTrue();
        assertThat(names.inHierarchy(type("Unrelated"))).isFalse();
    }
}
