/**
 * Explicit allocators over {@link java.lang.foreign.MemorySegment} and the ownership annotations
 * that the allocdiscipline processor checks.
 *
 * <p>{@link org.allocdiscipline.PageAllocator} maps operating-system pages;
 * {@link org.allocdiscipline.ArenaAllocator} serves many small allocations from large chunks of
 * any child allocator and frees them all at once; {@link org.allocdiscipline.FixedBufferAllocator}
 * bump-allocates inside a caller's segment; {@link org.allocdiscipline.GeneralPurposeAllocator}
 * serves small allocations of mixed lifetimes, from any thread, in size classes on slabs of a
 * backing allocator. Test support lives in {@code org.allocdiscipline.testing}.
 */
package org.allocdiscipline;
