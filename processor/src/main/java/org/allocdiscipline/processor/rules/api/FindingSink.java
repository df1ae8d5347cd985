package org.allocdiscipline.processor.rules.api;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/**
 * Where a rule reports what it found. The sink knows the rule and the body, adds the rule id, the
 * position, the enclosing element and the fingerprint, and drops findings that
 * {@code @SuppressWarnings} silences.
 */
public interface FindingSink {
    /**
     * Reports a finding on the tree at the end of a path.
     *
     * @param path path to the exact tree the finding is about (a call, a {@code new}, a field access)
     * @param message what is wrong, in one sentence, without the rule id
     * @param fixHint how to fix it, in one short sentence
     */
    void report(TreePath path, String message, String fixHint);

    /**
     * Reports a finding on a tree inside the current body; the sink finds its path.
     *
     * @param tree the exact tree the finding is about; it must lie inside the body being checked
     * @param message what is wrong, in one sentence, without the rule id
     * @param fixHint how to fix it, in one short sentence
     */
    void report(Tree tree, String message, String fixHint);
}
