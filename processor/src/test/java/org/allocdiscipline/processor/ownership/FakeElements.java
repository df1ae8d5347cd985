package org.allocdiscipline.processor.ownership;

import java.lang.reflect.Proxy;
import javax.lang.model.element.Element;

/** Elements for tests of the abstract state, which only compares them by identity and prints their names. */
final class FakeElements {
    private FakeElements() {
    }

    /** An element equal only to itself; any other question about it is a test error. */
    static Element named(String name) {
        return (Element) Proxy.newProxyInstance(Element.class.getClassLoader(), new Class<?>[] {Element.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
