package org.allocdiscipline.processor.javac;

import java.lang.ref.WeakReference;
import java.util.function.Supplier;

/**
 * What the JVM's registry holds for a kept {@link CheckerLoader} loader. Made from that loader, so the
 * registry keeps only it alive, not the loader of the compilation that made it; read through the JDK's
 * {@link Supplier}, the one type both loaders share.
 */
public final class LoaderAnchor implements Supplier<Object[]> {
    private final String stamp;
    // Weak: a build tool may drop the parent it gave javac, and its classes with it.
    private final WeakReference<ClassLoader> parent;

    /**
     * Made by {@link CheckerLoader} from the kept loader, by reflection.
     *
     * @param stamp the sizes and modification times of the jars when the loader was made
     * @param parent the loader's parent
     */
    public LoaderAnchor(String stamp, ClassLoader parent) {
        this.stamp = stamp;
        this.parent = new WeakReference<>(parent);
    }

    /**
     * What the registry holds.
     *
     * @return the stamp, the parent (null once collected) and the loader that defined this class
     */
    @Override
    public Object[] get() {
        return new Object[] {stamp, parent.get(), LoaderAnchor.class.getClassLoader()};
    }
}
