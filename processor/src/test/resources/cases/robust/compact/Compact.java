import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.PageAllocator;

// JEP 512: a compact source file; its main is an entry point.
void main() {
    try (var arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
        IO.println(greeting() + arena);
    }
}

String greeting() {
    return "page size " + PageAllocator.pageSize();
}
