package org.allocdiscipline.processor.ownership;

import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Arenas moved into records: {@code new Pair(arena, segment)} stores the arena in the record's component
 * field, where no local names it any more. The record takes the arena over when something in it closes
 * that component: a method of the record ({@code close()}, a {@code Cleaner} action's {@code run()}) when
 * the record is declared in the calling code's top-level class, whose bodies are read; or, for a record
 * declared elsewhere, being {@code AutoCloseable}. Otherwise nothing will ever close the arena.
 */
final class RecordComponents {
    /** What a canonical constructor's argument becomes. */
    enum Fate {
        /** Not an arena component of a record: the usual rules apply. */
        NOT_A_COMPONENT,
        /** The record closes the component: the arena is handed over. */
        TAKEN,
        /** Nothing in the record closes the component. */
        NEVER_CLOSED
    }

    private final OwnershipAnnotations annotations;
    private final MethodSummaries summaries;
    private final Element top;

    /**
     * @param summaries where the declarations of the calling code's top-level class are found
     * @param top the outermost class of the calling code
     */
    RecordComponents(OwnershipAnnotations annotations, MethodSummaries summaries, Element top) {
        this.annotations = annotations;
        this.summaries = summaries;
        this.top = top;
    }

    /**
     * @param constructor the constructor a {@code new} runs
     * @param argument the argument's position
     * @return what becomes of an arena passed there
     */
    Fate of(ExecutableElement constructor, int argument) {
        if (!(constructor.getEnclosingElement() instanceof TypeElement record) || record.getKind() != ElementKind.RECORD
                || !annotations.isCanonicalConstructor(constructor)) {
            return Fate.NOT_A_COMPONENT;
        }
        List<? extends RecordComponentElement> components = record.getRecordComponents();
        if (argument >= components.size() || !annotations.isArenaType(components.get(argument).asType())) {
            return Fate.NOT_A_COMPONENT;
        }
        TreePath declaration = summaries.typeDeclaration(record, top);
        if (declaration == null) {
            return annotations.isAutoCloseable(record) ? Fate.TAKEN : Fate.NEVER_CLOSED;
        }
        VariableElement field = componentField(record, components.get(argument));
        return field != null && summaries.arenaFields().closedByAMethod(declaration, field) ? Fate.TAKEN : Fate.NEVER_CLOSED;
    }

    private static VariableElement componentField(TypeElement record, RecordComponentElement component) {
        for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
            if (field.getSimpleName().contentEquals(component.getSimpleName())) {
                return field;
            }
        }
        return null;
    }
}
