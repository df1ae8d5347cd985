package org.allocdiscipline.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The alignments above {@link #UNRECORDED} that a bump allocator's allocations were made with, by
 * address, so that a moving {@code realloc} keeps them. Most requests (primitive and small struct
 * layouts) need at most 16 and are not recorded, so the map is usually never made. Not
 * thread-safe. Not API.
 */
public final class OverAlignments {
    /** The largest alignment that is not recorded: an unrecorded allocation is taken to need at most this. */
    public static final long UNRECORDED = 16;

    private Map<Long, Long> byAddress;

    /**
     * Records the alignment of the allocation at {@code address}. Called only for alignments above
     * {@link #UNRECORDED}, out of the allocators' fast paths: the map's code would make them too
     * large to inline into a hot caller.
     *
     * @param address the allocation's address
     * @param byteAlignment its alignment, above {@link #UNRECORDED}
     */
    public void record(long address, long byteAlignment) {
        if (byAddress == null) {
            byAddress = new HashMap<>();
        }
        byAddress.put(address, byteAlignment);
    }

    /**
     * Forgets the allocation at {@code address}, which was freed: a later allocation there may
     * need less.
     *
     * @param address the freed allocation's address
     */
    public void forget(long address) {
        if (byAddress != null) {
            byAddress.remove(address);
        }
    }

    /**
     * The alignment the allocation at {@code address} was made with, at least.
     *
     * @param address the allocation's address
     * @return the alignment a moved copy must keep
     */
    public long alignmentOf(long address) {
        Long recorded = byAddress == null ? null : byAddress.get(address);
        if (recorded != null) {
            return recorded;
        }
        // Not recorded: asked for at most 16, which the address satisfies.
        return Math.min(Requests.naturalAlignment(address), UNRECORDED);
    }

    /** Forgets every allocation. */
    public void clear() {
        byAddress = null;
    }
}
