// A stand-in with the real qualified name, for the checker's tests: only the members the corpus calls.
package org.assertj.core.api;
public class ThrowableAssert {
    public interface ThrowingCallable { void call() throws Throwable; }
    public ThrowableAssert isInstanceOf(Class<?> type) { return this; }
}

