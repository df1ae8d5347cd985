package org.allocdiscipline.processor.ownership;

import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * How the methods one body calls transfer ownership, as seen from that body: the annotations, and for
 * the methods of its own top-level class that {@link MethodSummaries} reads, their summaries.
 */
final class CallSignatures {
    private final MethodSummaries summaries;
    private final Element top;

    /**
     * @param summaries the compilation's summaries
     * @param top the outermost class of the calling body
     */
    CallSignatures(MethodSummaries summaries, Element top) {
        this.summaries = summaries;
        this.top = top;
    }

    OwnershipAnnotations.Signature of(ExecutableElement method) {
        return summaries.signature(method, top);
    }

    /**
     * The signature a method's own body is analysed with: a private method's callers all see its summary,
     * so its body keeps that contract; any other method's body keeps its annotations' contract, which is
     * all that callers in other classes see.
     */
    OwnershipAnnotations.Signature ofOwnBody(ExecutableElement method) {
        return summaries.ownSignature(method, top);
    }

    /** The declaration of a method of the calling body's top-level class, or {@code null}. */
    TreePath declaration(ExecutableElement method) {
        return summaries.declaration(method, top);
    }

    /** The method's summary, or {@code null} when its annotations are the contract. */
    MethodSummary summary(ExecutableElement method) {
        return summaries.summary(method, top);
    }
}
