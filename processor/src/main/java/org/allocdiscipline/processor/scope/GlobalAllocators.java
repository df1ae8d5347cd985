package org.allocdiscipline.processor.scope;

import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

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
     * The simple names of the global page allocators: {@code PageAllocator}'s fields {@code INSTANCE},
     * {@code THREAD_CONFINED} and {@code UNCHECKED}. A name only picks candidates, which
     * {@link #isGlobal} then decides on; asking javac for {@code PageAllocator}'s members instead made it
     * load the class into every compilation, which took up to a millisecond.
     */
    public static final Set<String> NAMES = Set.of("INSTANCE", "THREAD_CONFINED", "UNCHECKED");
}
