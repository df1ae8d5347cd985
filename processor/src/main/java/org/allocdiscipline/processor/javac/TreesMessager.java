package org.allocdiscipline.processor.javac;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * A {@link Messager} for the plugin, which javac gives none: messages go through {@link Trees}, without a
 * position (a tree is needed only as a handle, and no compilation unit is named, so javac prints the
 * message as it prints the processor's notes). Messages printed before javac has shown any tree wait
 * for the first one.
 */
public final class TreesMessager implements Messager {
    private final Trees trees;
    private final List<Pending> pending = new ArrayList<>();
    private CompilationUnitTree handle;

    /**
     * Makes a messager that prints through these trees.
     *
     * @param trees the compilation's trees
     */
    public TreesMessager(Trees trees) {
        this.trees = trees;
    }

    /**
     * Gives the messager a tree to print with, and prints what was waiting for one.
     *
     * @param unit any compilation unit of this compilation
     */
    public void seen(CompilationUnitTree unit) {
        if (handle != null || unit == null) {
            return;
        }
        handle = unit;
        for (Pending message : pending) {
            print(message.kind(), message.text());
        }
        pending.clear();
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence message) {
        if (handle == null) {
            pending.add(new Pending(kind, message.toString()));
        } else {
            print(kind, message.toString());
        }
    }

    private record Pending(Diagnostic.Kind kind, String text) {
    }

    private void print(Diagnostic.Kind kind, String message) {
        trees.printMessage(kind, message, handle, null);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence message, Element element) {
        printMessage(kind, message);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence message, Element element, AnnotationMirror annotation) {
        printMessage(kind, message);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence message, Element element, AnnotationMirror annotation,
            AnnotationValue value) {
        printMessage(kind, message);
    }
}
