package org.allocdiscipline.processor.flow;

/** How control leaves the source node of a {@link CfgEdge}. */
public enum EdgeKind {
    /** The source completed normally (and, for a condition, both outcomes go here). */
    NORMAL,
    /** The source is a condition that evaluated to {@code true}. */
    TRUE,
    /** The source is a condition that evaluated to {@code false}. */
    FALSE,
    /**
     * The source itself threw: it did not complete, so its effects (a call's transfer of
     * ownership, an assignment) did not happen.
     */
    EXCEPTION
}
