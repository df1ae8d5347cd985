/**
 * The rule API: what a rule implements ({@link org.allocdiscipline.processor.rules.api.Rule}) and what it
 * is given for each code body or class ({@link org.allocdiscipline.processor.rules.api.BodyContext},
 * {@link org.allocdiscipline.processor.rules.api.ClassContext}), including the analyses several rules
 * share and a scanner that stays inside one body.
 */
package org.allocdiscipline.processor.rules.api;
