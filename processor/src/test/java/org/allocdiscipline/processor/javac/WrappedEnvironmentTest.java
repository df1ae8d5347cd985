package org.allocdiscipline.processor.javac;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.AllocatorDisciplineProcessor;
import org.allocdiscipline.processor.testing.Checker;
import org.allocdiscipline.processor.testing.Expectations;
import org.junit.jupiter.api.Test;

/** Build tools wrap the environment; the checker sees through the wrapper and reports as usual. */
class WrappedEnvironmentTest {
    private static final List<JavaFileObject> SOURCES = Checker.resources("cases/hardcoded/Reported.java");

    /** Like IntelliJ: a dynamic proxy whose handler holds the real environment. */
    static ProcessingEnvironment proxyAround(ProcessingEnvironment real) {
        InvocationHandler handler = new ForwardingHandler(real);
        return (ProcessingEnvironment) Proxy.newProxyInstance(WrappedEnvironmentTest.class.getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class}, handler);
    }

    private static final class ForwardingHandler implements InvocationHandler {
        private final Object myDelegate;

        ForwardingHandler(Object delegate) {
            this.myDelegate = delegate;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(myDelegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Test
    void proxyWrappedEnvironmentIsUnwrapped() {
        Compilation compilation = Checker.compile(
                new WrappingProcessor(new AllocatorDisciplineProcessor(), WrappedEnvironmentTest::proxyAround), SOURCES);
        assertThat(Checker.notes(compilation)).noneMatch(n -> n.contains("does not offer"));
        Expectations.assertMatches(compilation, SOURCES);
    }

    @Test
    void fieldWrappedEnvironmentIsUnwrapped() {
        Compilation compilation = Checker.compile(
                new WrappingProcessor(new AllocatorDisciplineProcessor(), DelegatingEnvironment::new), SOURCES);
        Expectations.assertMatches(compilation, SOURCES);
    }

    @Test
    void wrapperAroundAWrapperIsUnwrapped() {
        Compilation compilation = Checker.compile(new WrappingProcessor(new AllocatorDisciplineProcessor(),
                env -> proxyAround(new DelegatingEnvironment(env))), SOURCES);
        Expectations.assertMatches(compilation, SOURCES);
    }

    @Test
    void delegateMethodIsFollowed() {
        ProcessingEnvironment real = new DelegatingEnvironment(null);
        assertThat(EnvironmentUnwrapper.candidates(new MethodWrapper(real))).contains(real);
    }

    @Test
    void realCompilationThroughADelegateMethodWrapper() {
        Compilation compilation = Checker.compile(
                new WrappingProcessor(new AllocatorDisciplineProcessor(), MethodWrapper::new), SOURCES);
        Expectations.assertMatches(compilation, SOURCES);
    }

    @Test
    void unwrapperListsTheRealEnvironmentBehindAProxy() {
        ProcessingEnvironment real = new DelegatingEnvironment(null);
        assertThat(EnvironmentUnwrapper.candidates(proxyAround(real))).contains(real);
    }
}
