/**
 * The rule API: what a rule implements ({@link org.allocdiscipline.processor.rules.api.Rule}) and what it
 * is given for each code body or class ({@link org.allocdiscipline.processor.rules.api.BodyContext},
 * {@link org.allocdiscipline.processor.rules.api.ClassContext}), including the analyses several rules
 * share. {@link org.allocdiscipline.processor.flow.BodyScanner} walks one body without entering the
 * bodies nested in it.
 */
package org.allocdiscipline.processor.rules.api;
