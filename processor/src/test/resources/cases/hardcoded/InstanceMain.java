package cases.hardcoded;

import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.PageAllocator;

/** JDK 25 launcher entry points without static and without String[] are composition roots too. */
class InstanceMain {
    void main() {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            Runnable r = () -> PageAllocator.INSTANCE.pageSize();
        }
    }

    static class StaticNoArgs {
        static void main() {
            new ArenaAllocator(PageAllocator.INSTANCE).close();
        }
    }

    static class InstanceWithArgs {
        protected void main(String... args) {
            new ArenaAllocator(PageAllocator.INSTANCE).close();
        }
    }
}
