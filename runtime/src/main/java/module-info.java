/**
 * Explicit allocators over {@link java.lang.foreign.MemorySegment}: memory comes from an
 * allocator that the caller chooses, the caller owns what it gets and frees it with the same
 * allocator.
 *
 * <p>The page allocator and the allocators that re-scope segments call restricted FFM methods.
 * Grant this module native access to run without warnings:
 * {@code --enable-native-access=org.allocdiscipline} on the module path, or
 * {@code --enable-native-access=ALL-UNNAMED} on the class path.
 */
module org.allocdiscipline {
    exports org.allocdiscipline;
    exports org.allocdiscipline.testing;

    // Not transitive: modules that use only the allocators must not need JUnit to compile.
    requires static org.junit.jupiter.api;
}
