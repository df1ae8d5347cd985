package cases.hardcoded;

import static org.allocdiscipline.PageAllocator.INSTANCE;

/** A static import alone is not a use. */
class OnlyStaticImport {
    int nothing() {
        return 0;
    }
}
