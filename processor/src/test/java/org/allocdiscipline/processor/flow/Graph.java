package org.allocdiscipline.processor.flow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;

/** Property queries over a built graph that keep the tests readable. */
final class Graph {
    final Cfg cfg;
    final Compiled compiled;

    Graph(Cfg cfg, Compiled compiled) {
        this.cfg = cfg;
        this.compiled = compiled;
    }

    static Graph of(Compiled compiled, String method) {
        return new Graph(compiled.cfg(method), compiled);
    }

    static Graph of(Compiled compiled, String method, CfgOptions options) {
        return new Graph(compiled.cfg(method, options), compiled);
    }

    /** The reachable non-exit nodes whose tree prints as this text. */
    List<CfgNode> all(String text) {
        return cfg.reachableNodes(n -> !n.isExit() && Compiled.text(n.tree()).equals(text));
    }

    /** The reachable non-exit nodes of this text and kind. */
    List<CfgNode> all(String text, NodeKind kind) {
        List<CfgNode> found = new ArrayList<>(all(text));
        found.removeIf(n -> n.kind() != kind);
        return found;
    }

    /** The reachable node of this text and kind; fails unless there is exactly one. */
    CfgNode the(String text, NodeKind kind) {
        List<CfgNode> found = all(text, kind);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " " + kind + " nodes for '" + text + "' in\n" + dump());
        }
        return found.get(0);
    }

    /** The reachable non-exit node whose tree prints as this text that comes {@code index}-th in creation order. */
    CfgNode nth(String text, int index) {
        List<CfgNode> found = all(text);
        if (found.size() <= index) {
            throw new AssertionError(found.size() + " nodes for '" + text + "' in\n" + dump());
        }
        return found.get(index);
    }

    CfgNode call(String text) {
        return the(text, NodeKind.INVOCATION);
    }

    boolean reaches(CfgNode from, CfgNode to) {
        return cfg.reachableFrom(from).get(to.id());
    }

    /** Whether some path goes from one node to another without passing a node of this text. */
    boolean reachesAvoiding(CfgNode from, CfgNode to, String avoidedText) {
        Predicate<CfgNode> avoid = n -> !n.isExit() && Compiled.text(n.tree()).equals(avoidedText);
        return cfg.reachableAvoiding(from, avoid).get(to.id());
    }

    /** The exits that are reachable from a node. */
    List<CfgNode> exitsFrom(CfgNode from) {
        BitSet reached = cfg.reachableFrom(from);
        List<CfgNode> exits = new ArrayList<>();
        for (CfgNode exit : cfg.nodes()) {
            if (exit.isExit() && reached.get(exit.id())) {
                exits.add(exit);
            }
        }
        return exits;
    }

    List<CfgNode> successors(CfgNode node, EdgeKind kind) {
        List<CfgNode> result = new ArrayList<>();
        for (CfgEdge edge : node.successors()) {
            if (edge.kind() == kind) {
                result.add(edge.target());
            }
        }
        return result;
    }

    /** Exceptional exits by "cause text ! type". */
    List<String> exceptionalExits() {
        List<String> result = new ArrayList<>();
        for (CfgNode exit : cfg.exceptionalExits()) {
            result.add(Compiled.text(exit.tree()) + " ! " + exit.exceptionType());
        }
        return result;
    }

    List<String> normalExits() {
        List<String> result = new ArrayList<>();
        for (CfgNode exit : cfg.normalExits()) {
            result.add(exit.isFallOffExit() ? "end" : Compiled.text(exit.tree()));
        }
        return result;
    }

    String dump() {
        return compiled.print(cfg);
    }
}
