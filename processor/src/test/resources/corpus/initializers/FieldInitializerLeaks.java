package corpus.initializers;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class FieldInitializerLeaks {
    private final GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(null); // expect: [owned-not-freed] "The owned value from `new GeneralPurposeAllocator(...)` is not freed when the field initializer ends (line 7)"
}
