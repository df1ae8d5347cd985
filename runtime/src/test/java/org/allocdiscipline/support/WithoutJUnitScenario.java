package org.allocdiscipline.support;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.Callable;

import org.allocdiscipline.GeneralPurposeAllocator;
import org.allocdiscipline.testing.AllocationFailures;
import org.allocdiscipline.testing.FailingAllocator;
import org.allocdiscipline.testing.TestingAllocator;

/**
 * Uses the allocators and the JUnit-free test support the way a user without JUnit would. It is
 * loaded in a class loader that cannot see JUnit, so it must not touch any JUnit type.
 */
public final class WithoutJUnitScenario implements Callable<String> {
    @Override
    public String call() throws Exception {
        StringBuilder report = new StringBuilder();
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(new HeapBackedAllocator());
                TestingAllocator testing = new TestingAllocator(gpa)) {
            MemorySegment segment = testing.alloc(16);
            report.append("leaks=").append(testing.leaks().size());
            testing.free(segment);
        }
        FailingAllocator failing = new FailingAllocator(new HeapBackedAllocator(), 0);
        try {
            failing.alloc(1);
        } catch (org.allocdiscipline.AllocationException expected) {
            report.append(",failed=").append(failing.inducedFailure() != null);
        }
        try {
            AllocationFailures.checkAll(new HeapBackedAllocator(), allocator -> allocator.alloc(3));
        } catch (AssertionError expected) {
            report.append(",checkAll=").append(expected.getMessage().contains("leaked"));
        }
        return report.toString();
    }
}
