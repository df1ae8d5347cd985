package org.allocdiscipline.processor.scope;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Elements;

/** The global page allocators: the public static {@code PageAllocator} fields of {@code PageAllocator}. */
public final class GlobalAllocators {
    private GlobalAllocators() {
    }

    /**
     * Whether an element is a global page allocator.
     *
     * @param element the element a name refers to, or null
     * @return true for {@code PageAllocator.INSTANCE} and its sibling modes
     */
    public static boolean isGlobal(Element element) {
        return element != null && element.getKind() == ElementKind.FIELD
                && element.getModifiers().contains(Modifier.STATIC)
                && element.getModifiers().contains(Modifier.PUBLIC)
                && element.getEnclosingElement() instanceof TypeElement owner
                && owner.getQualifiedName().contentEquals(KnownNames.PAGE_ALLOCATOR)
                && element.asType() instanceof DeclaredType declared
                && declared.asElement() instanceof TypeElement type
                && type.getQualifiedName().contentEquals(KnownNames.PAGE_ALLOCATOR);
    }

    /**
     * The simple names of the global page allocators this compilation can see.
     *
     * @param elements the compilation's elements
     * @return their names; none when the compilation cannot see {@code PageAllocator}
     */
    public static Set<String> names(Elements elements) {
        Set<String> names = new HashSet<>();
        TypeElement pageAllocator = elements.getTypeElement(KnownNames.PAGE_ALLOCATOR);
        if (pageAllocator != null) {
            for (Element member : pageAllocator.getEnclosedElements()) {
                if (isGlobal(member)) {
                    names.add(member.getSimpleName().toString());
                }
            }
        }
        return Set.copyOf(names);
    }
}
