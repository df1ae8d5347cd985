package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.Name;

/**
 * What besides an owned value makes a class worth checking, asked during the one walk over the class
 * that also finds what its methods do with owned values ({@link OwnershipAnalysis#screen}). Each test is
 * asked only until one says yes.
 */
public interface ClassInterest {
    /**
     * @param tree an identifier or member select
     * @param name the name it spells (the selected member's, for a member select)
     * @return whether the class is worth checking for this name
     */
    boolean name(Tree tree, Name name);

    /**
     * @param field path to a field declaration (its parent may be any path of the class)
     * @return whether the class is worth checking for this field
     */
    boolean field(TreePath field);
}
