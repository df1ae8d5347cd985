/**
 * Deliberately wrong library code: one example of each finding of the allocdiscipline processor.
 * The samples build compiles it separately, with findings as warnings, so that the demo shows
 * them; {@code WrongCodeFindingsTest} checks that exactly the findings marked {@code // expect:}
 * are reported, at those lines.
 */
package org.allocdiscipline.samples.wrong;
