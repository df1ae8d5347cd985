/**
 * Deliberately wrong library code: an example of each finding of the allocdiscipline processor, on
 * code written against this project's allocators and on plain {@code java.lang.foreign} code (a
 * leaked confined arena, a segment used after its arena closed, a hidden {@code Arena.ofAuto()}, a
 * confined segment on an executor). The samples build compiles it separately, with findings as
 * warnings, so that the demo shows them; {@code WrongCodeFindingsTest} checks that exactly the
 * findings marked by {@code // expect:} comments (a rule id in brackets, then a fragment of the
 * message in quotes) are reported, at those lines, with those words.
 */
package org.allocdiscipline.samples.wrong;
