/**
 * Test support in the spirit of Zig's {@code std.testing.allocator}: an allocator that catches
 * leaks, double frees and use after free with stack traces, one that fails on purpose, and a
 * driver that exercises every allocation failure of a piece of code.
 */
package org.allocdiscipline.testing;
