package org.allocdiscipline.processor.flow;

import com.sun.source.util.TreePath;

/**
 * Where a {@code break}, {@code continue} or {@code yield} goes, as the graph builder resolved it.
 *
 * @param statement     the statement the jump ends: the loop or {@code switch} that an unlabeled
 *                      {@code break} leaves, the labeled statement of a labeled one, the loop that a
 *                      {@code continue} continues, the {@code switch} expression that a {@code yield} ends
 * @param throughFinally whether a {@code finally} block or the implicit close of a try-with-resources
 *                      resource runs between the jump and that statement
 */
public record JumpTarget(TreePath statement, boolean throughFinally) {
}
