package corpus.generics;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class GenericListNotOwned {
    <T> java.util.List<T> copy(java.util.List<T> in) {
        return new java.util.ArrayList<>(in);
    }
}
