/**
 * The ownership dataflow analysis: which owned values leak, are released twice, are used after
 * release, or are released through the wrong allocator. Its findings are plain data that the
 * rules word and report.
 *
 * <p>Entry point: {@link org.allocdiscipline.processor.ownership.OwnershipAnalysis}.
 */
package org.allocdiscipline.processor.ownership;
