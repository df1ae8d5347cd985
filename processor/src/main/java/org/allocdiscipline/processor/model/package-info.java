/**
 * The allocator API as the checker knows it: the names and ownership roles of the runtime's types and
 * annotations, in one place ({@link org.allocdiscipline.processor.model.ApiModel}), and where the JDK's
 * own types are looked up ({@link org.allocdiscipline.processor.model.JavaBase}).
 */
package org.allocdiscipline.processor.model;
