package org.allocdiscipline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a composition root: code that deliberately picks a concrete allocator, such as
 * {@link PageAllocator#INSTANCE}, instead of taking one from its caller. On a class it covers
 * every member. Entry points ({@code main} methods) are composition roots without it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface ChoosesAllocator {
}
