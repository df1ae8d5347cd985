package corpus.initializers;

import org.allocdiscipline.*;

class InitializerBlockLeaks {
    private final long pageSize;

    {
        GeneralPurposeAllocator scratch = new GeneralPurposeAllocator(null); // expect: [owned-not-freed] "The owned value from `new GeneralPurposeAllocator(...)` is not freed when the initializer ends (line 11)"
        pageSize = 4096;
    }
}
