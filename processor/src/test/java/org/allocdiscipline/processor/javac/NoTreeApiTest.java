package org.allocdiscipline.processor.javac;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import org.allocdiscipline.processor.AllocatorDisciplineProcessor;
import org.junit.jupiter.api.Test;

/**
 * A compiler without the javac tree API (Eclipse's ecj hands processors its own environment, which
 * javac's JavacTask cannot use): the processor says so once and does nothing else.
 */
class NoTreeApiTest {

    /** An environment that is not javac's and wraps nothing javac-made, recording what is printed. */
    private static ProcessingEnvironment foreignEnvironment(List<String> printed) {
        Messager messager = (Messager) Proxy.newProxyInstance(NoTreeApiTest.class.getClassLoader(),
                new Class<?>[] {Messager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("printMessage")) {
                        printed.add(args[0] + ": " + args[1]);
                    }
                    return null;
                });
        return (ProcessingEnvironment) Proxy.newProxyInstance(NoTreeApiTest.class.getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMessager" -> messager;
                    case "getOptions" -> Map.of();
                    case "getSourceVersion" -> SourceVersion.latest();
                    case "toString" -> "ForeignEnvironment";
                    case "hashCode" -> 7;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void saysOnceThatItCannotCheckAndStaysSilent() {
        List<String> printed = new ArrayList<>();
        AllocatorDisciplineProcessor processor = new AllocatorDisciplineProcessor();

        processor.init(foreignEnvironment(printed));
        boolean claimed = processor.process(Set.of(), null) || processor.process(Set.of(), null);

        assertThat(claimed).isFalse();
        assertThat(printed).hasSize(1);
        assertThat(printed.get(0)).startsWith(Diagnostic.Kind.NOTE + ": allocdiscipline: this compiler")
                .contains("does not offer the javac tree API");
    }
}
