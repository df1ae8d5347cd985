package org.allocdiscipline.processor.model;

import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Looks up the JDK's own types where they live. {@link Elements#getTypeElement(CharSequence)} searches
 * every module of the compilation to rule out a second class of the same name, for a type of
 * {@code java.base} as for any other; asking {@code java.base} alone finds the same class, without
 * that search. Without modules ({@code --release 8}) there is only the one search.
 */
public final class JavaBase {
    private JavaBase() {
    }

    /**
     * A type of {@code java.base}.
     *
     * @param elements the compilation's element utilities
     * @param qualifiedName such as {@code java.lang.foreign.Arena}
     * @return the type, or null when the compilation's release lacks it
     */
    public static TypeElement type(Elements elements, String qualifiedName) {
        ModuleElement base = elements.getModuleElement("java.base");
        return base == null ? elements.getTypeElement(qualifiedName) : elements.getTypeElement(base, qualifiedName);
    }
}
