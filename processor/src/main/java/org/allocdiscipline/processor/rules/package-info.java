/**
 * The built-in rules, one class each, and {@link org.allocdiscipline.processor.rules.Rules}, the list
 * of them. A rule class holds all that is said about the rule: its descriptor and its check.
 */
package org.allocdiscipline.processor.rules;
