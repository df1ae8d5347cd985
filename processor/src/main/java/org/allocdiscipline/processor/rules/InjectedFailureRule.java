package org.allocdiscipline.processor.rules;

import org.allocdiscipline.processor.Options;
import org.allocdiscipline.processor.report.RuleDescriptor;
import org.allocdiscipline.processor.rules.api.BodyContext;
import org.allocdiscipline.processor.rules.api.CodeBody;
import org.allocdiscipline.processor.rules.api.Rule;

/**
 * A test hook, active only with {@code -Aallocdiscipline.internal.failOn=<method name>}: it throws
 * while checking any method or constructor body of that simple name. It proves, in unit tests and
 * in real builds alike, that a failing rule costs one note and nothing else.
 */
public final class InjectedFailureRule implements Rule {
    /** The rule id, which never appears in a finding. */
    public static final String ID = "internal-failure-injection";
    /** What the rule is; it is not documented, as it never reports a finding. */
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID,
            "Fails on purpose, to test that internal errors stay isolated.",
            "Remove -A" + Options.FAIL_ON + ".");

    private final String methodName;

    /**
     * Creates the rule.
     *
     * @param methodName the simple name of the methods on which to fail
     */
    public InjectedFailureRule(String methodName) {
        this.methodName = methodName;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(BodyContext context) {
        if (context.body().kind() == CodeBody.Kind.METHOD
                && context.body().element().getSimpleName().contentEquals(methodName)) {
            throw new IllegalStateException("failure injected by -A" + Options.FAIL_ON + "=" + methodName);
        }
    }
}
