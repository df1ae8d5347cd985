package corpus.generics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class GenericOwnedFactory {
    interface Factory<T> {
        @Owned T make() throws AllocationException;
    }

    <T> void use(Factory<T> factory) throws AllocationException {
        T value = factory.make(); // expect: [owned-not-freed]
        System.out.println(value);
    }
}
