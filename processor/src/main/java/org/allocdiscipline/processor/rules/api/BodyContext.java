package org.allocdiscipline.processor.rules.api;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.allocdiscipline.processor.Options;
import org.allocdiscipline.processor.scope.LibraryScope;

/**
 * What a rule gets for one body: the body, the fully attributed compilation unit, the compiler's
 * utilities, the options, the library-code policy and the sink for its findings.
 *
 * @param body the code to check
 * @param unit the compilation unit that holds it
 * @param trees the compiler's tree utilities (elements and types of trees, positions)
 * @param types type utilities
 * @param elements element utilities (for example to look up {@code org.allocdiscipline.Allocator})
 * @param options the processor options
 * @param scope which code is library code, and where rules are suppressed
 * @param findings the sink for this rule's findings on this body
 * @param analyses analyses shared by several rules, computed once per body (the ownership analysis)
 */
public record BodyContext(
        CodeBody body,
        CompilationUnitTree unit,
        Trees trees,
        Types types,
        Elements elements,
        Options options,
        LibraryScope scope,
        FindingSink findings,
        SharedAnalyses analyses) {
}
