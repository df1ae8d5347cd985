package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;

/**
 * Takes in, from a walk over a top-level class that is made anyway, what the summaries need to know of
 * the class: which of its methods do something a summary records, directly or through each other. The
 * walk reports the trees below in source order, generated members included; each {@code enter}
 * returns what its matching {@link #leave} gets back once the walk has left that tree.
 */
public interface EffectRecorder {
    /**
     * The walk enters a class.
     *
     * @param path path to a class declaration, before its members are walked
     * @return what to hand to {@link #leave} after the class
     */
    Element enterClass(TreePath path);

    /**
     * The walk enters a method or constructor.
     *
     * @param path path to a method or constructor declaration, before its body is walked
     * @return what to hand to {@link #leave} after the method
     */
    Element enterMethod(TreePath path);

    /**
     * Before a lambda's body is walked: its code is no part of the method around it.
     *
     * @return what to hand to {@link #leave} after the lambda
     */
    Element enterLambda();

    /**
     * The walk leaves what it last entered.
     *
     * @param outer what the matching {@code enter} returned
     */
    void leave(Element outer);

    /**
     * The walk reaches a {@code try} statement, whose resources are closed by it.
     *
     * @param node a {@code try} statement, before its resources are walked
     */
    void tryResources(TryTree node);

    /**
     * The walk reaches a tree that may bring a value in or store one.
     *
     * @param tree a method invocation, {@code new} or assignment, before the trees in it are walked
     */
    void effect(Tree tree);

    /**
     * A subtree that the caller's walk skips (a member javac generated, say): the recorder walks it itself.
     *
     * @param path path to the subtree
     */
    void walk(TreePath path);

    /** After the walk: the class's summaries read what it found. */
    void finish();
}
