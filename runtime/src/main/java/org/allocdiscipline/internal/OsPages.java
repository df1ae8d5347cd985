package org.allocdiscipline.internal;

import java.util.Locale;

import org.allocdiscipline.AllocationException;

/**
 * Page-granular memory straight from the operating system. Addresses and lengths are raw
 * {@code long}s: the page allocator decides how segments over them are scoped. Not API.
 */
public interface OsPages {

    /** @return the page size the operating system reports */
    long pageSize();

    /**
     * Maps {@code length} bytes of fresh, zeroed, read-write memory at an address aligned to
     * {@code alignment}.
     *
     * @param length a positive multiple of {@link #pageSize()}
     * @param alignment a power of two, at least the page size
     * @return the address of the mapping
     * @throws AllocationException if the operating system refuses, with its reason
     */
    long map(long length, long alignment) throws AllocationException;

    /**
     * Returns a mapping (or its page-aligned tail) to the operating system.
     *
     * @param address start of the range, page aligned
     * @param length length of the range, a multiple of the page size
     */
    void unmap(long address, long length);

    /**
     * Grows or shrinks a mapping without moving it, if the operating system can.
     *
     * @param address start of the mapping
     * @param oldLength its current length
     * @param newLength the wanted length, a positive multiple of the page size
     * @return whether the mapping now has {@code newLength} bytes at {@code address}
     */
    boolean remapInPlace(long address, long oldLength, long newLength);

    /** @return the binding for the operating system this JVM runs on */
    static OsPages forCurrentPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new WindowsPages();
        }
        return new PosixPages(os.contains("mac") || os.contains("darwin"));
    }
}
