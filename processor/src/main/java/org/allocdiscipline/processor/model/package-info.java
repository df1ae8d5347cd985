/**
 * The allocator API as the checker knows it: the names and ownership roles of the runtime's types and
 * annotations, in one place.
 */
package org.allocdiscipline.processor.model;
