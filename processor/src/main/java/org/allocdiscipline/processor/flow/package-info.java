/**
 * Intraprocedural control-flow graphs over javac's public tree API, with exceptional edges and
 * {@code finally} blocks on every path, and a generic forward dataflow solver over them.
 *
 * <p>Entry points: {@link org.allocdiscipline.processor.flow.CfgBuilder} builds the graph of
 * one body (a method, lambda, initializer or field initializer, as the rule engine's
 * {@code BodyCollector} lists them), and {@link org.allocdiscipline.processor.flow.ForwardDataflow} solves a
 * {@link org.allocdiscipline.processor.flow.ForwardAnalysis} over it.
 */
package org.allocdiscipline.processor.flow;
