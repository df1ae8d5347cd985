package org.allocdiscipline.processor.rules.api;

import com.sun.source.util.TreePath;
import java.util.Objects;
import java.util.function.Supplier;
import javax.lang.model.element.Element;

/**
 * One piece of code that rules check on its own.
 *
 * @param kind what sort of body it is
 * @param declaration path to the declaring tree: the {@code MethodTree}, {@code LambdaExpressionTree},
 *     initializer {@code BlockTree} or field {@code VariableTree}
 * @param body path to the code itself: the method's or initializer's block, the lambda's body
 *     (a block or an expression), or the field's initializer expression
 * @param element the nearest named element: the method or constructor, the field, the lambda's
 *     enclosing method (or field or class), the initializer's class
 * @param name makes the {@linkplain #signature() signature}; asked at most once, and only when a
 *     message or fingerprint needs it
 * @param parts what the collector noticed in the body (candidate uses of the global allocator, whether a call
 *     carries ownership)
 */
public record CodeBody(Kind kind, TreePath declaration, TreePath body, Element element, Supplier<String> name,
        BodyParts parts) {

    /** What sort of code a body is. */
    public enum Kind {
        /** A method or constructor body. */
        METHOD,
        /** A lambda body, analysed as a method of its own. */
        LAMBDA,
        /** A static or instance initializer block. */
        INITIALIZER,
        /** A field's initializer expression (enum constants included). */
        FIELD_INITIALIZER
    }

    /**
     * Checks that no part is missing.
     *
     * @throws NullPointerException if a part is null
     */
    public CodeBody {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(name, "name");
        name = Memo.of(name);
        Objects.requireNonNull(parts, "parts");
    }

    /**
     * A stable human-readable name of the element, such as {@code com.example.Lib.make(long)}; used in
     * notes and fingerprints.
     *
     * @return the signature
     */
    public String signature() {
        return name.get();
    }

    /**
     * How notes and messages name this body: the signature, with the lambda or initializer made plain.
     *
     * @return for example {@code a lambda in com.example.Lib.run()}
     */
    public String displayName() {
        return switch (kind) {
            case LAMBDA -> "a lambda in " + signature();
            default -> signature();
        };
    }
}
