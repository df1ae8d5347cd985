package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Whether a method's body may release one of its class's {@code @Owned} fields, decided by names alone
 * before any graph is solved: a field's value is released only through an expression that names the
 * field, or by a call on {@code this} of one of the class's own instance methods (whose summary says what
 * it does to the fields). A field named only as the receiver of calls that cannot hand it on
 * ({@link ApiModel#mayHandOnReceiver}: {@code arena.allocate(n)}, not {@code arena.close()}) is not
 * released there; FFM classes name their arena field that way in most methods. A body with neither
 * leaves every field as it found it, so {@link DanglingFields} has nothing to look for there. Names
 * only: a local that shadows a field, or a call of an inherited method of the same name, merely keeps the
 * full analysis.
 */
final class FieldMentions {
    private FieldMentions() {
    }

    /**
     * @param method the method's declaration
     * @param fields the fields that {@code close()} releases
     * @param type   the class that declares the method and the fields
     * @return false when no expression of the body (lambdas and local classes included) names a field,
     *     and no call in it may run one of the class's instance methods on {@code this}
     */
    static boolean mayRelease(MethodTree method, Set<Element> fields, ClassTree type) {
        Set<String> names = new HashSet<>();
        for (Element field : fields) {
            names.add(field.getSimpleName().toString());
        }
        Set<String> helpers = new HashSet<>();
        for (Tree member : type.getMembers()) {
            if (member instanceof MethodTree declared && !declared.getModifiers().getFlags().contains(Modifier.STATIC)) {
                helpers.add(declared.getName().toString());
            }
        }
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitIdentifier(IdentifierTree identifier, Void unused) {
                return names.contains(identifier.getName().toString());
            }

            @Override
            public Boolean visitMemberSelect(MemberSelectTree select, Void unused) {
                return names.contains(select.getIdentifier().toString()) || Boolean.TRUE.equals(super.visitMemberSelect(select, unused));
            }

            @Override
            public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
                ExpressionTree select = call.getMethodSelect();
                String name = ownMemberName(select);
                if (name != null && helpers.contains(name)) {
                    return true;
                }
                if (select instanceof MemberSelectTree member && names.contains(ownMemberName(member.getExpression()))
                        && !ApiModel.mayHandOnReceiver(member.getIdentifier(), call.getArguments().size())) {
                    // A field that is only the receiver of a call like arena.allocate(n) is not released there.
                    return Boolean.TRUE.equals(scan(call.getTypeArguments(), unused))
                            || Boolean.TRUE.equals(scan(call.getArguments(), unused));
                }
                return Boolean.TRUE.equals(super.visitMethodInvocation(call, unused));
            }

            /** The name an expression gives a member of this class, alone or as {@code this.name}; else null. */
            private String ownMemberName(ExpressionTree expression) {
                ExpressionTree bare = OwnershipTrees.skipParens(expression);
                return bare instanceof IdentifierTree id ? id.getName().toString()
                        : bare instanceof MemberSelectTree member && OwnershipTrees.isThis(member.getExpression())
                        ? member.getIdentifier().toString() : null;
            }

            @Override
            public Boolean reduce(Boolean a, Boolean b) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
            }
        }.scan(method.getBody(), null);
        return Boolean.TRUE.equals(found);
    }
}
