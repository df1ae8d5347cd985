package org.allocdiscipline.benchmarks.javac;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the synthetic corpus: each allocates through an {@code Allocator} and releases on
 * every path, in one of the constructs the ownership rules must follow. All are correct code, so
 * any finding on the corpus is a false positive worth a look.
 */
final class MethodShapes {
    static final ClassName ALLOCATOR = ClassName.get("org.allocdiscipline", "Allocator");
    static final ClassName ARENA = ClassName.get("org.allocdiscipline", "ArenaAllocator");
    static final ClassName ALLOCATION_EXCEPTION = ClassName.get("org.allocdiscipline", "AllocationException");
    static final ClassName OWNED = ClassName.get("org.allocdiscipline", "Owned");
    static final ClassName SEGMENT = ClassName.get("java.lang.foreign", "MemorySegment");
    private static final ClassName FUNCTION = ClassName.get("java.util.function", "Function");
    private static final ClassName SUPPLIER = ClassName.get("java.util.function", "Supplier");

    /**
     * One shape: a method name prefix and a body template. In the template {@code allocator},
     * {@code n} and {@code mode} are the method's parameters, {@code $k:L} a constant unique to the
     * method, and {@code $seg:T} and the like the runtime's types.
     */
    record Shape(String name, String template) {
        CodeBlock body(int k, String factory) {
            return CodeBlock.builder().addNamed(template, Map.of(
                    "k", k, "factory", factory, "seg", SEGMENT, "arena", ARENA, "ae", ALLOCATION_EXCEPTION,
                    "fn", FUNCTION, "sup", SUPPLIER)).build();
        }
    }

    static final List<Shape> ALL = List.of(
            new Shape("tryFinally", """
                    $seg:T s = allocator.alloc(n + $k:L);
                    try {
                      s.fill((byte) $k:L);
                      return s.byteSize();
                    } finally {
                      allocator.free(s);
                    }
                    """),
            new Shape("arena", """
                    try ($arena:T arena = new $arena:T(allocator)) {
                      $seg:T a = arena.alloc(n);
                      $seg:T b = arena.alloc(n * 2 + $k:L);
                      return a.byteSize() + b.byteSize();
                    }
                    """),
            new Shape("labeledLoops", """
                    long total = 0;
                    outer:
                    for (int i = 0; i < mode; i++) {
                      for (int j = 0; j < 3; j++) {
                        $seg:T s = allocator.alloc(n + i + j);
                        try {
                          if ((i + j) % 3 == 0) {
                            continue;
                          }
                          if (total > $k:L) {
                            break outer;
                          }
                          total += s.byteSize();
                        } finally {
                          allocator.free(s);
                        }
                      }
                    }
                    return total;
                    """),
            new Shape("freeBeforeJump", """
                    long total = 0;
                    int i = 0;
                    while (i++ < mode) {
                      $seg:T s = allocator.alloc(n);
                      if (i % 2 == 0) {
                        allocator.free(s);
                        continue;
                      }
                      if (total > $k:L) {
                        allocator.free(s);
                        break;
                      }
                      total += s.byteSize();
                      allocator.free(s);
                    }
                    return total;
                    """),
            new Shape("switches", """
                    $seg:T s = allocator.alloc(n);
                    long r = switch (mode % 4) {
                      case 0 -> s.byteSize();
                      case 1 -> {
                        long t = s.byteSize() * 2;
                        yield t + $k:L;
                      }
                      case 2, 3 -> -1L;
                      default -> 0L;
                    };
                    switch ((int) (r & 3)) {
                      case 0:
                        r++;
                        break;
                      case 1:
                      case 2:
                        r--;
                        break;
                      default:
                        break;
                    }
                    allocator.free(s);
                    return r;
                    """),
            new Shape("patterns", """
                    Object o = mode > $k:L ? "text" : Integer.valueOf(mode);
                    $seg:T s = allocator.alloc(n);
                    try {
                      return switch (o) {
                        case String str when str.length() > 2 -> s.byteSize() + str.length();
                        case Integer v -> s.byteSize() + v;
                        default -> s.byteSize();
                      };
                    } finally {
                      allocator.free(s);
                    }
                    """),
            new Shape("lambda", """
                    $fn:T<Long, Long> measure = size -> {
                      try {
                        $seg:T s = allocator.alloc(size);
                        try {
                          return s.byteSize();
                        } finally {
                          allocator.free(s);
                        }
                      } catch ($ae:T e) {
                        return -1L;
                      }
                    };
                    return measure.apply(n + $k:L);
                    """),
            new Shape("conditionals", """
                    $seg:T s = mode > 0 ? allocator.alloc(n) : null;
                    try {
                      $seg:T t = (mode & 1) == 0 ? allocator.alloc(n + $k:L) : allocator.alloc(n * 2);
                      try {
                        long size = t.byteSize();
                        if (s != null && size > 0 || mode < -$k:L) {
                          size += s == null ? 0 : s.byteSize();
                        }
                        return size;
                      } finally {
                        allocator.free(t);
                      }
                    } finally {
                      if (s != null) {
                        allocator.free(s);
                      }
                    }
                    """),
            new Shape("reallocRethrow", """
                    $seg:T a = allocator.alloc(n);
                    $seg:T b;
                    try {
                      b = allocator.realloc(a, n * 2 + $k:L);
                    } catch ($ae:T e) {
                      allocator.free(a);
                      throw e;
                    }
                    try {
                      return b.byteSize();
                    } finally {
                      allocator.free(b);
                    }
                    """),
            new Shape("ownedFactory", """
                    $seg:T s = $factory:L(allocator, n);
                    try {
                      return s.byteSize();
                    } finally {
                      allocator.free(s);
                    }
                    """),
            new Shape("synchronizedDoWhile", """
                    long total = 0;
                    synchronized (LOCK) {
                      int i = 0;
                      do {
                        $seg:T s = allocator.alloc(n + i);
                        try {
                          for (long v : new long[] {1, 2, $k:L}) {
                            total += v + s.byteSize();
                          }
                        } finally {
                          allocator.free(s);
                        }
                      } while (++i < mode);
                    }
                    return total;
                    """),
            new Shape("localAndAnonymous", """
                    class Local {
                      long run(long size) throws $ae:T {
                        $seg:T s = allocator.alloc(size);
                        try {
                          return s.byteSize();
                        } finally {
                          allocator.free(s);
                        }
                      }
                    }
                    $sup:T<Long> anonymous = new $sup:T<>() {
                      @Override
                      public Long get() {
                        try ($arena:T arena = new $arena:T(allocator)) {
                          return arena.alloc($k:L).byteSize();
                        } catch ($ae:T e) {
                          return -1L;
                        }
                      }
                    };
                    return new Local().run(n) + anonymous.get();
                    """),
            new Shape("ownedObject", """
                    try (Buffer buffer = new Buffer(allocator, n + $k:L)) {
                      return buffer.size();
                    }
                    """));

    private MethodShapes() {
    }
}
