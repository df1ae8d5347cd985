// A stand-in with the real qualified name, for the checker's tests: only the members the corpus calls.
package org.assertj.core.api;
public class ThrowableTypeAssert {
    public ThrowableAssert isThrownBy(ThrowableAssert.ThrowingCallable code) { return null; }
}

