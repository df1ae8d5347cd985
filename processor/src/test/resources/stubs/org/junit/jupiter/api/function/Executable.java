// A stand-in with the real qualified name, for the checker's tests: only the members the corpus calls.
package org.junit.jupiter.api.function;
public interface Executable { void execute() throws Throwable; }

