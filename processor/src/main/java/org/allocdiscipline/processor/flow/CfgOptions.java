package org.allocdiscipline.processor.flow;

/**
 * How a {@link CfgBuilder} models exceptions and {@code finally} blocks.
 *
 * @param uncheckedExceptions every call, instance creation, implicit {@code close()} and
 *                            iteration may also throw {@code RuntimeException} and
 *                            {@code Error}, and a failing {@code assert} throws
 *                            {@code AssertionError}; otherwise only checked exceptions and
 *                            explicit {@code throw} leave a node exceptionally
 * @param finallyCopyBudget   the largest (finally-block size × pending jumps) for which a
 *                            {@code finally} block gets a copy per pending jump, keeping the paths
 *                            apart; above it, jumps to the same target (all exceptions together)
 *                            share one copy, which joins their paths inside the block
 */
public record CfgOptions(boolean uncheckedExceptions, int finallyCopyBudget) {

    /**
     * Checked exceptions only, and a budget that keeps the finally blocks of ordinary code
     * precise (all of commons-lang3's) while nested try/finally inside finally blocks, which
     * multiply copies, fall back to shared copies early.
     */
    public static final CfgOptions DEFAULT = new CfgOptions(false, 1024);

    /**
     * Validates the budget.
     *
     * @param uncheckedExceptions see the record description
     * @param finallyCopyBudget   see the record description; must not be negative
     */
    public CfgOptions {
        if (finallyCopyBudget < 0) {
            throw new IllegalArgumentException("finallyCopyBudget must not be negative: " + finallyCopyBudget);
        }
    }

    /**
     * These options with unchecked exceptions switched on or off.
     *
     * @param enabled whether calls may throw unchecked exceptions
     * @return the changed options
     */
    public CfgOptions withUncheckedExceptions(boolean enabled) {
        return new CfgOptions(enabled, finallyCopyBudget);
    }
}
