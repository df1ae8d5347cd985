package org.allocdiscipline.processor.rules;

import java.util.function.Supplier;

/** A value made on first use and kept: names that most bodies never need to spell out. */
final class Memo<T> implements Supplier<T> {
    private Supplier<? extends T> maker;
    private T value;

    private Memo(Supplier<? extends T> maker) {
        this.maker = maker;
    }

    static <T> Supplier<T> of(Supplier<T> maker) {
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
