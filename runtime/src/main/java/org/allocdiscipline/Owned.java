package org.allocdiscipline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks who is responsible for releasing a value.
 *
 * <ul>
 *   <li>On a method: the caller owns the returned value and must free it (or hand it on).
 *       The annotation applies to every override of the method.</li>
 *   <li>On a parameter: the callee takes ownership; passing a value in a call that returns
 *       normally discharges the caller (as {@link Allocator#free} and {@link Allocator#realloc} do).</li>
 *   <li>On a field: the object owns the value and must release it in its {@code close()}.</li>
 *   <li>On a class: every instance made with {@code new} is owned and must be closed.</li>
 * </ul>
 *
 * <p>The allocdiscipline processor checks these obligations at compile time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE})
public @interface Owned {
}
