package org.allocdiscipline.processor.flow;

import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * A directed edge of a {@link Cfg}.
 *
 * @param source        where control comes from
 * @param target        where control goes
 * @param kind          how control leaves the source
 * @param exceptionType the exception in flight along this edge: thrown by the source when
 *                      {@code kind} is {@link EdgeKind#EXCEPTION}, or being propagated when a
 *                      {@code finally} block resumes it; {@code null} on ordinary edges
 */
public record CfgEdge(CfgNode source, CfgNode target, EdgeKind kind, TypeMirror exceptionType) {

    /**
     * The exception in flight along this edge, if any.
     *
     * @return the exception type, or empty for ordinary control flow
     */
    public Optional<TypeMirror> exception() {
        return Optional.ofNullable(exceptionType);
    }

    @Override
    public String toString() {
        String label = kind == EdgeKind.NORMAL ? "" : kind.name();
        if (exceptionType != null) {
            label = (label.isEmpty() ? "" : label + " ") + exceptionType;
        }
        return "#" + source.id() + " -> #" + target.id() + (label.isEmpty() ? "" : " [" + label + "]");
    }
}
