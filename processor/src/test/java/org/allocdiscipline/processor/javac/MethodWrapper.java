package org.allocdiscipline.processor.javac;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** A wrapper whose only route to the original is a public getDelegate() method; no field holds it. */
public final class MethodWrapper implements ProcessingEnvironment {
    private final Supplier<ProcessingEnvironment> source;

    MethodWrapper(ProcessingEnvironment real) {
        this.source = () -> real;
    }

    /**
     * The wrapped environment.
     *
     * @return the original
     */
    public ProcessingEnvironment getDelegate() {
        return source.get();
    }

    @Override
    public Map<String, String> getOptions() {
        return getDelegate().getOptions();
    }

    @Override
    public Messager getMessager() {
        return getDelegate().getMessager();
    }

    @Override
    public Filer getFiler() {
        return getDelegate().getFiler();
    }

    @Override
    public Elements getElementUtils() {
        return getDelegate().getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
        return getDelegate().getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
        return getDelegate().getSourceVersion();
    }

    @Override
    public Locale getLocale() {
        return getDelegate().getLocale();
    }
}
