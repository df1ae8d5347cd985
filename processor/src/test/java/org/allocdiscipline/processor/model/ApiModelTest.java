package org.allocdiscipline.processor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.allocdiscipline.PageAllocator;
import org.junit.jupiter.api.Test;

/** The checker's fixed list of global allocators' names is exactly the runtime's. */
class ApiModelTest {
    @Test
    void namesAreThePublicStaticPageAllocatorFieldsOfPageAllocator() {
        // A global added to the runtime and missing here would never be reported as hardcoded.
        Set<String> runtime = Arrays.stream(PageAllocator.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == PageAllocator.class)
                .map(Field::getName)
                .collect(Collectors.toSet());

        assertThat(ApiModel.GLOBAL_ALLOCATOR_NAMES).isEqualTo(runtime);
    }
}
