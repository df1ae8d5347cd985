/**
 * The engine that runs the rules: one walk per class collects its code bodies, then each rule checks
 * each body, with failures isolated per rule and body and findings placed, fingerprinted and filtered
 * by {@code @SuppressWarnings}.
 */
package org.allocdiscipline.processor.rules.engine;
