package org.allocdiscipline.processor.rules.api;

import java.util.function.Supplier;

/**
 * A value made on first use and kept: names that most bodies never need to spell out.
 *
 * @param <T> the value's type
 */
public final class Memo<T> implements Supplier<T> {
    private Supplier<? extends T> maker;
    private T value;

    private Memo(Supplier<? extends T> maker) {
        this.maker = maker;
    }

    /**
     * A supplier that asks the given one at most once.
     *
     * @param maker makes the value
     * @param <T> the value's type
     * @return the given supplier if it already is one that remembers, else one that does
     */
    public static <T> Supplier<T> of(Supplier<T> maker) {
        return maker instanceof Memo<T> ? maker : new Memo<>(maker);
    }

    @Override
    public T get() {
        if (maker != null) {
            value = maker.get();
            maker = null;
        }
        return value;
    }
}
