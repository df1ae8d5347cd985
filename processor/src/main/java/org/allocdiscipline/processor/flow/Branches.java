package org.allocdiscipline.processor.flow;

import java.util.List;
import org.allocdiscipline.processor.flow.JumpScope.Dangling;

/** The outcomes of a condition: the dangling edges taken when it is true and when false. */
record Branches(List<Dangling> whenTrue, List<Dangling> whenFalse) {
}
