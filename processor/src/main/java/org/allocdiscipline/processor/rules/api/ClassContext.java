package org.allocdiscipline.processor.rules.api;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.allocdiscipline.processor.Options;
import org.allocdiscipline.processor.scope.LibraryScope;

/**
 * What a rule gets for one class declaration in {@link Rule#checkClass}.
 *
 * @param declaration path to the {@code ClassTree}
 * @param signature a stable human-readable name of the class, such as {@code com.example.Lib}
 * @param unit the compilation unit that holds it
 * @param trees the compiler's tree utilities
 * @param types type utilities
 * @param elements element utilities
 * @param options the processor options
 * @param scope which code is library code, and where rules are suppressed
 * @param findings the sink for this rule's findings on this class
 * @param analyses analyses shared by several rules
 */
public record ClassContext(
        TreePath declaration,
        String signature,
        CompilationUnitTree unit,
        Trees trees,
        Types types,
        Elements elements,
        Options options,
        LibraryScope scope,
        FindingSink findings,
        SharedAnalyses analyses) {
}
