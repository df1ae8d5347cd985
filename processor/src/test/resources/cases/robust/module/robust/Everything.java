package robust;

import module java.base;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.foreign.MemorySegment;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.ChoosesAllocator;
import org.allocdiscipline.Owned;
import org.allocdiscipline.PageAllocator;

/// Every construct up to JDK 25, in library code that takes its allocator from the caller,
/// and in composition roots that pick one. Nothing here may be reported.
public class Everything {
    @Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
    @Retention(RetentionPolicy.CLASS)
    @interface NonEmpty {
    }

    @interface Tag {
        String value() default "x";

        int[] numbers() default {1, 2};
    }

    public sealed interface Shape permits Circle, Square, Poly {
    }

    public record Circle(double radius) implements Shape {
        public Circle {
            if (radius < 0) {
                throw new IllegalArgumentException("negative radius " + radius);
            }
        }
    }

    public record Square(double side) implements Shape {
    }

    public non-sealed interface Poly extends Shape {
    }

    record Pair<A, B>(A first, B second) {
        static <T extends Comparable<? super T>> Pair<T, T> ordered(T a, T b) {
            return a.compareTo(b) <= 0 ? new Pair<>(a, b) : new Pair<>(b, a);
        }
    }

    enum Mode {
        FAST {
            @Override
            int weight() {
                return 1;
            }
        },
        SAFE;

        int weight() {
            return 2;
        }
    }

    static class Base {
        final int size;

        Base(int size) {
            this.size = size;
        }
    }

    static final class Child extends Base {
        // JEP 513: statements before super(...).
        Child(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("size");
            }
            int checked = Math.max(size, 1);
            super(checked);
        }
    }

    class Inner {
        int outerHash() {
            return Everything.this.hashCode();
        }
    }

    private final Allocator allocator;
    private final List<@NonEmpty String> names = new ArrayList<>();
    private String @NonEmpty [] labels = {"a", "b"};
    private int counter;

    {
        counter = 1_000;
    }

    public Everything(Allocator allocator) {
        this.allocator = allocator;
    }

    @ChoosesAllocator
    public Everything() {
        this(PageAllocator.INSTANCE);
    }

    static double area(Shape shape) {
        return switch (shape) {
            case Circle(var r) when r > 10 -> Math.PI * r * r;
            case Circle c -> Math.PI * c.radius() * c.radius();
            case Square(double s) -> s * s;
            case Poly _ -> 0;
        };
    }

    static String describe(Object o) {
        if (o instanceof Pair<?, ?>(String first, var _) && !first.isEmpty()) {
            return first;
        }
        if (o instanceof CharSequence cs && cs.length() > 3) {
            return cs.toString();
        }
        return switch (o) {
            case null -> "null";
            case Integer i when i > 0 -> "positive";
            case Integer _ -> "int";
            case Mode m when m == Mode.FAST -> "fast";
            case String s -> {
                String text = """
                        text block: %s
                          indented "quotes" \
                        joined
                        """.formatted(s);
                yield text.strip();
            }
            default -> o.getClass().getSimpleName();
        };
    }

    static String modes(Mode mode) {
        switch (mode) {
            case FAST:
                return "f";
            case SAFE:
            default:
                return "s";
        }
    }

    @Tag(value = "copy", numbers = {3})
    @Owned MemorySegment copy(long size) throws AllocationException {
        MemorySegment segment = allocator.alloc(size);
        try {
            segment.fill((byte) 0);
            return segment;
        } catch (RuntimeException | Error e) {
            allocator.free(segment);
            throw e;
        }
    }

    int loops(int[][] grid) {
        int total = 0;
        outer:
        for (int[] row : grid) {
            for (int cell : row) {
                if (cell < 0) {
                    continue outer;
                }
                if (cell > 100) {
                    break outer;
                }
                total += cell;
            }
        }
        int i = 0;
        do {
            i++;
        } while (i < 3);
        while (i-- > 0) {
            total ^= i;
        }
        for (var _ : names) {
            total++;
        }
        synchronized (this) {
            counter += total;
        }
        assert total >= 0 : "overflow";
        return total;
    }

    <T, R> List<R> mapAll(Collection<? extends T> items, Function<? super T, ? extends R> f) {
        List<R> out = new ArrayList<>();
        items.forEach(item -> out.add(f.apply(item)));
        BiFunction<Integer, Integer, Integer> second = (_, b) -> b;
        Supplier<List<String>> fresh = ArrayList::new;
        IntFunction<int[]> arrays = int[]::new;
        out.size();
        return second.apply(1, 2) > 0 && fresh.get().isEmpty() && arrays.apply(1).length == 1 ? out : List.of();
    }

    String tryAll(Path path) {
        try (var reader = Files.newBufferedReader(path)) {
            return reader.readLine();
        } catch (IOException _) {
            return "";
        } finally {
            counter--;
        }
    }

    Runnable anonymous() {
        record Local(int x) {
        }
        enum LocalEnum { A, B }
        interface LocalInterface {
            int value();
        }
        LocalInterface value = () -> new Local(LocalEnum.B.ordinal()).x();
        return new Runnable() {
            @Override
            public void run() {
                counter += value.value() + new Inner().outerHash() + labels.length;
            }
        };
    }

    /** JEP 512: an instance main method is a launcher entry point, so it may pick the page allocator. */
    void main() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            Everything library = new Everything(arena);
            MemorySegment segment = library.copy(64);
            IO.println(area(new Circle(2)) + describe(segment) + modes(Mode.SAFE) + new Child(3).size
                    + Pair.ordered("b", "a"));
            arena.free(segment);
        }
    }
}
