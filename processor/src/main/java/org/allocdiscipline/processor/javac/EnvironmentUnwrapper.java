package org.allocdiscipline.processor.javac;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Finds the compiler's own {@link ProcessingEnvironment} behind the wrappers that build tools put
 * around it. Gradle's incremental processing wraps it in a class that keeps the original in a field;
 * IntelliJ wraps it in a {@link Proxy} whose invocation handler keeps it. Both are reached by plain
 * reflection on the wrapper's own (unnamed-module) classes, which needs no JVM flag.
 */
public final class EnvironmentUnwrapper {
    private static final int MAX_DEPTH = 4;
    private static final List<String> DELEGATE_METHODS =
            List.of("getDelegate", "delegate", "getProcessingEnvironment", "getWrapped", "unwrap");

    private EnvironmentUnwrapper() {
    }

    /**
     * The environment itself and every environment reachable from it through wrappers, nearest first.
     *
     * @param environment the environment javac or a build tool handed to the processor
     * @return candidates, starting with the given environment
     */
    public static List<ProcessingEnvironment> candidates(ProcessingEnvironment environment) {
        List<ProcessingEnvironment> found = new ArrayList<>();
        Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> queue = new ArrayDeque<>();
        queue.add(new Object[] {environment, 0});
        while (!queue.isEmpty()) {
            Object[] next = queue.poll();
            Object current = next[0];
            int depth = (Integer) next[1];
            if (current == null || !visited.add(current)) {
                continue;
            }
            if (current instanceof ProcessingEnvironment candidate) {
                found.add(candidate);
            }
            if (depth >= MAX_DEPTH) {
                continue;
            }
            for (Object inner : innerObjects(current)) {
                queue.add(new Object[] {inner, depth + 1});
            }
        }
        return found;
    }

    /** The objects a wrapper may hold the real environment in: a proxy's handler, delegate methods, fields. */
    private static List<Object> innerObjects(Object wrapper) {
        List<Object> inner = new ArrayList<>();
        if (Proxy.isProxyClass(wrapper.getClass())) {
            InvocationHandler handler = Proxy.getInvocationHandler(wrapper);
            inner.add(handler);
            return inner;
        }
        if (isPlatformClass(wrapper.getClass())) {
            // The compiler's own classes are what we look for, not wrappers; their fields are closed anyway.
            return inner;
        }
        for (String name : DELEGATE_METHODS) {
            try {
                Method method = wrapper.getClass().getMethod(name);
                if (method.getParameterCount() == 0) {
                    method.setAccessible(true);
                    inner.add(method.invoke(wrapper));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not this wrapper's way of exposing its delegate.
            }
        }
        for (Class<?> type = wrapper.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object value = field.get(wrapper);
                    if (value instanceof ProcessingEnvironment || value instanceof InvocationHandler) {
                        inner.add(value);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // A field we may not read (a named module that does not open it): skip it.
                }
            }
        }
        return inner;
    }

    private static boolean isPlatformClass(Class<?> type) {
        Module module = type.getModule();
        return module.isNamed() && module.getLayer() == ModuleLayer.boot()
                && (module.getName().startsWith("java.") || module.getName().startsWith("jdk."));
    }
}
