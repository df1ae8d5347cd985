package org.allocdiscipline.processor.javac;

import com.sun.source.tree.CompilationUnitTree;
import javax.lang.model.element.TypeElement;

/** What the compiler glue calls: once per analysed top-level class, and once at the end. */
public interface ClassChecker {
    /**
     * Checks a class that javac has just attributed and flow-analysed.
     *
     * @param unit the class's compilation unit
     * @param type the top-level class
     */
    void checkClass(CompilationUnitTree unit, TypeElement type);

    /** The compilation is over: write reports, print the summary. */
    void finish();

    /**
     * Something failed outside any one method.
     *
     * @param what what was being done
     * @param failure the exception
     */
    void failed(String what, Throwable failure);
}
