package org.allocdiscipline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an allocator whose {@code close()} frees everything it handed out, such as
 * {@link ArenaAllocator} and {@link FixedBufferAllocator}. Memory allocated through a region
 * needs no free of its own; the region itself is owned and must be closed.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Region {
}
