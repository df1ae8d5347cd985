package corpus.initializers;

import org.allocdiscipline.*;

// A class without modifiers and without a constructor of its own: javac's default constructor starts where
// the class does, which is no sign of a compact source file; the class takes its allocator in a constructor.
class FieldOfAClassWithoutModifiers {
    final Allocator allocator = PageAllocator.INSTANCE; // expect: [hardcoded-allocator] "Fix: Take an `Allocator allocator` parameter in the constructors of FieldOfAClassWithoutModifiers and initialise allocator from it."
}
