// A stand-in with the real qualified name, for the checker's tests: only the members the corpus calls.
package org.assertj.core.api;
public class Assertions {
    public static ThrowableAssert assertThatThrownBy(ThrowableAssert.ThrowingCallable code) {
        return null;
    }
    public static ThrowableTypeAssert assertThatIllegalArgumentException() { return null; }
    public static Throwable catchThrowable(ThrowableAssert.ThrowingCallable code) { return null; }
}

