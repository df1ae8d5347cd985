package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/**
 * A segment of an arena that this body closes on every path after the segment leaves: returned to the
 * caller, stored where the caller or another object can still reach it, or captured by code that runs
 * later. Whoever reads it after the close reads freed memory.
 *
 * @param at      the escaping expression, or for captured segments the code's first use of the local
 * @param route   how the segment (or the code that captured it) leaves
 * @param code    the lambda, method reference or anonymous class that captured the segment, or {@code null}
 *                when the segment itself leaves
 * @param holder  the local that holds the code where it leaves ({@code return task;}), or {@code null} when
 *                the code leaves where it is written
 * @param target  the field or array element stored into ({@link Route#FIELD}, {@link Route#ARRAY_ELEMENT}),
 *                else {@code null}
 * @param runner  for {@link Route#OTHER_THREAD}, the call that runs the code, else {@code null}
 * @param segment the allocation of the segment
 * @param arena   the creation of the arena that owns the segment
 * @param closedBy the first {@code close()} of the arena that every path reaches, or the block of the
 *                try-with-resources whose end closes it
 */
public record SegmentEscape(TreePath at, Route route, Tree code, Tree holder, Tree target, Runner runner, Tree segment,
                            Tree arena, Tree closedBy) {

    /**
     * A call that runs code on another thread, and what becomes of the future or thread it gives back.
     *
     * @param call   the call as a reader knows it, such as {@code ExecutorService.submit} or {@code new Thread(...)}
     * @param result the simple name of what the call gives back ({@code Future}, {@code Thread}), or
     *               {@code null} when nothing keeps it
     * @param kept   how that result leaves: {@link Route#RETURNED}, {@link Route#FIELD} or
     *               {@link Route#ARRAY_ELEMENT}; {@code null} when nothing keeps it
     * @param keptIn the field or array element the result is stored into, else {@code null}
     */
    public record Runner(String call, String result, Route kept, Tree keptIn) {
    }

    /** How a value leaves the body or outlives it. */
    public enum Route {
        /** Returned to the caller. */
        RETURNED,
        /** Stored into a field. */
        FIELD,
        /** Stored into an element of an array that is a field or a parameter. */
        ARRAY_ELEMENT,
        /** Handed to another thread with nothing kept to wait for it. */
        OTHER_THREAD
    }
}
