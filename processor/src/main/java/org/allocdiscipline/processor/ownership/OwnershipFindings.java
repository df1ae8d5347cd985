package org.allocdiscipline.processor.ownership;

import java.util.List;

/**
 * Everything the ownership analysis found in one body, in a deterministic order (by the
 * position of the reported tree).
 *
 * @param leaks           at most one per site
 * @param doubleReleases  second releases
 * @param usesAfterRelease uses of released values
 * @param wrongAllocators releases through the wrong allocator
 */
public record OwnershipFindings(List<Leak> leaks, List<DoubleRelease> doubleReleases,
                                List<UseAfterRelease> usesAfterRelease, List<WrongAllocator> wrongAllocators) {

    /** Nothing found. */
    public static final OwnershipFindings NONE = new OwnershipFindings(List.of(), List.of(), List.of(), List.of());

    /**
     * Whether nothing was found.
     *
     * @return true if all lists are empty
     */
    public boolean isEmpty() {
        return leaks.isEmpty() && doubleReleases.isEmpty() && usesAfterRelease.isEmpty() && wrongAllocators.isEmpty();
    }
}
