package org.allocdiscipline.processor.ownership;

import com.sun.source.tree.ClassTree;
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

/**
 * Whether a method's body may release one of its class's {@code @Owned} fields, decided by names alone
 * before any graph is solved: a field's value is released only through an expression that names the
 * field, or by a call on {@code this} of one of the class's own instance methods (whose summary says what
 * it does to the fields). A body with neither leaves every field as it found it, so
 * {@link DanglingFields} has nothing to look for there. Names only: a local that shadows a field, or a
 * call of an inherited method of the same name, merely keeps the full analysis.
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
                Tree select = call.getMethodSelect();
                String name = select instanceof IdentifierTree id ? id.getName().toString()
                        : select instanceof MemberSelectTree member && OwnershipTrees.isThis(member.getExpression())
                        ? member.getIdentifier().toString() : null;
                return name != null && helpers.contains(name) || Boolean.TRUE.equals(super.visitMethodInvocation(call, unused));
            }

            @Override
            public Boolean reduce(Boolean a, Boolean b) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
            }
        }.scan(method.getBody(), null);
        return Boolean.TRUE.equals(found);
    }
}
