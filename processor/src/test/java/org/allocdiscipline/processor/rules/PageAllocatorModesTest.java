package org.allocdiscipline.processor.rules;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.allocdiscipline.processor.testing.Checker;
import org.allocdiscipline.processor.testing.Expectations;
import org.junit.jupiter.api.Test;

/**
 * Every public static PageAllocator field of PageAllocator is the global page allocator, not INSTANCE
 * alone; other fields are not; and PageAllocator's own code may name itself.
 */
class PageAllocatorModesTest {
    @Test
    void everyPublicStaticModeIsReported() {
        List<JavaFileObject> sources = Checker.resources("cases/modes/Modes.java",
                "cases/modes/org/allocdiscipline/PageAllocator.java");
        Compilation compilation = Checker.compile(sources);
        Expectations.assertMatches(compilation, sources);
    }
}
