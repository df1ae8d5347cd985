package org.allocdiscipline.processor.scope;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reads annotations by qualified name, so the checker needs none of the annotation classes. */
public final class Annotations {
    private Annotations() {
    }

    /**
     * Whether {@code @SuppressWarnings} on the element names one of the given keys.
     *
     * @param element the element
     * @param keys the keys that silence the rule, such as its id and {@code allocdiscipline}
     * @return true if one of them is listed
     */
    public static boolean suppresses(Element element, List<String> keys) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (!nameOf(mirror).equals("java.lang.SuppressWarnings")) {
                continue;
            }
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                    : mirror.getElementValues().entrySet()) {
                if (entry.getKey().getSimpleName().contentEquals("value") && listsAny(entry.getValue(), keys)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean listsAny(AnnotationValue value, List<String> keys) {
        Object raw = value.getValue();
        if (raw instanceof String single) {
            return keys.contains(single);
        }
        if (raw instanceof List<?> values) {
            for (Object item : values) {
                if (item instanceof AnnotationValue nested && nested.getValue() instanceof String s && keys.contains(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String nameOf(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }
}
