package org.allocdiscipline.processor.ownership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.allocdiscipline.processor.ffm.ForeignTypes;
import org.allocdiscipline.processor.ffm.SupertypeNames;
import org.allocdiscipline.processor.model.ApiModel;

/**
 * Reads the ownership annotations by qualified name, so the processor needs the runtime
 * neither at compile time nor on the processor path, and the roles {@link ApiModel} gives the JDK's
 * {@code java.lang.foreign}: {@code Arena.ofConfined()} and {@code Arena.ofShared()} return owned values,
 * a class that implements {@code Arena} is owned, every {@code Arena} is a region. Answers are cached per
 * element: the same methods are called throughout a compilation.
 */
public final class OwnershipAnnotations {
    private final Types types;
    private final Elements elements;
    // Each cache is read and filled with plain get and put. A lambda per call site would be a class that
    // every fresh javac process spins when the class screen first asks (see ColdStartTest), and
    // Map.computeIfAbsent cannot serve, as the computations look up other entries of the same map.
    private final Map<ExecutableElement, Signature> signatures = new HashMap<>();
    private final Map<TypeElement, Boolean> ownedTypes = new HashMap<>();
    private final Map<TypeElement, Boolean> ownedInstances = new HashMap<>();
    private final Map<TypeElement, Boolean> ownedInSupertypes = new HashMap<>();
    private final Map<TypeElement, Boolean> ownedDeclarations = new HashMap<>();
    private final Map<TypeElement, Hierarchy> hierarchies = new HashMap<>();
    private final Map<ExecutableElement, Boolean> ownedMethods = new HashMap<>();
    private final Map<TypeElement, Boolean> regionTypes = new HashMap<>();
    private final ForeignTypes foreign;
    private final Map<ModuleElement, Boolean> jdkModules = new HashMap<>();
    // Both answers depend on the class alone: erasure drops the type arguments, and substituting
    // them never turns a method's return type into void or out of it.
    private final Map<TypeElement, Boolean> allocatorTypes = new HashMap<>();
    private final SupertypeNames allocatorNames = new SupertypeNames(ApiModel.ALLOCATOR, true);
    private final Map<TypeElement, Boolean> valueReturningFunctions = new HashMap<>();
    private TypeMirror allocator;
    private boolean allocatorLooked;

    /**
     * Creates a reader for one compilation.
     *
     * @param types    the compiler's type utilities
     * @param elements the compiler's element utilities
     */
    public OwnershipAnnotations(Types types, Elements elements) {
        this.types = types;
        this.elements = elements;
        this.foreign = new ForeignTypes();
    }

    /**
     * Which parts of a method transfer ownership, including through the methods it overrides.
     *
     * @param method the method or constructor
     * @param ownedResult whether callers own its result
     * @param ownedParameters for each parameter, whether the callee takes ownership of it
     */
    public record Signature(ExecutableElement method, boolean ownedResult, List<Boolean> ownedParameters) {
        /** Keeps an unmodifiable copy, so that signatures are values. */
        public Signature {
            ownedParameters = List.copyOf(ownedParameters);
        }

        /**
         * Whether the argument at a position is taken over; varargs positions use the last parameter.
         *
         * @param argument the 0-based argument index
         * @return true if ownership passes to the callee
         */
        public boolean takesArgument(int argument) {
            if (ownedParameters.isEmpty()) {
                return false;
            }
            return ownedParameters.get(Math.min(argument, ownedParameters.size() - 1));
        }

        /**
         * Whether any parameter takes ownership.
         *
         * @return true if some parameter is {@code @Owned}
         */
        public boolean takesAny() {
            return ownedParameters.contains(true);
        }
    }

    /**
     * The ownership signature of a method, cached.
     *
     * @param method the method or constructor
     * @return its signature
     */
    public Signature signature(ExecutableElement method) {
        Signature known = signatures.get(method);
        if (known == null) {
            known = computeSignature(method);
            signatures.put(method, known);
        }
        return known;
    }

    private Signature computeSignature(ExecutableElement method) {
        // A record's @Owned component puts the annotation on its accessor too, but the record still owns
        // the value: the accessor only lends it.
        ApiModel.ArenaKind arena = ApiModel.arenaKind(method);
        boolean result = ApiModel.has(method, ApiModel.OWNED) && elements.recordComponentFor(method) == null
                || arena != null && arena.owned();
        Boolean[] parameters = new Boolean[method.getParameters().size()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = ApiModel.has(method.getParameters().get(i), ApiModel.OWNED);
        }
        if (method.getKind() == ElementKind.METHOD && !method.getModifiers().contains(Modifier.STATIC)
                && !method.getModifiers().contains(Modifier.PRIVATE)
                && method.getEnclosingElement() instanceof TypeElement owner
                && supertypesDeclareOwned(owner)) {
            for (ExecutableElement overridden : overriddenMethods(method, owner)) {
                Signature inherited = signature(overridden);
                result |= inherited.ownedResult();
                for (int i = 0; i < parameters.length && i < inherited.ownedParameters().size(); i++) {
                    parameters[i] |= inherited.ownedParameters().get(i);
                }
            }
        }
        return new Signature(method, result, List.of(parameters));
    }

    /**
     * Whether a method or constructor could return or take an owned value at all: only if it declares
     * {@code @Owned} itself (on its result or a parameter), or a supertype of its class declares
     * {@code @Owned} somewhere (it may inherit it), or it is an {@code Arena}'s. The class's part is one
     * answer per class, so that the many calls into classes without any (the JDK's, most libraries') cost
     * one lookup and no signature; the method's own part reads only that method's annotations, not every
     * member of its class.
     *
     * @param method a method or constructor
     * @return false when it certainly carries no ownership
     */
    public boolean mayCarryOwnership(ExecutableElement method) {
        if (!(method.getEnclosingElement() instanceof TypeElement owner)) {
            return true;
        }
        Hierarchy hierarchy = hierarchies.get(owner);
        if (hierarchy == null) {
            hierarchy = hierarchyOf(owner);
            hierarchies.put(owner, hierarchy);
        }
        if (hierarchy != Hierarchy.BY_METHOD) {
            return hierarchy == Hierarchy.CARRIES;
        }
        Boolean declares = ownedMethods.get(method);
        if (declares == null) {
            declares = declaresOwned(method);
            ownedMethods.put(method, declares);
        }
        return declares;
    }

    /** What a class's hierarchy says of its methods' ownership, before their own annotations. */
    private enum Hierarchy {
        /** Any of its methods may carry ownership: an arena's, or one that may inherit {@code @Owned}. */
        CARRIES,
        /** None does: a JDK class, which cannot see {@code @Owned}. */
        NEVER,
        /** Only a method that declares {@code @Owned} itself. */
        BY_METHOD
    }

    private Hierarchy hierarchyOf(TypeElement type) {
        if (type.getQualifiedName().contentEquals(ApiModel.ARENA)) {
            return Hierarchy.CARRIES;
        }
        if (inJdk(type)) {
            return Hierarchy.NEVER;
        }
        return supertypesDeclareOwned(type) ? Hierarchy.CARRIES : Hierarchy.BY_METHOD;
    }

    /**
     * Whether some proper supertype of the type declares an {@code @Owned} method or parameter, so that
     * a method of the type could inherit ownership. Almost no hierarchy does (the JDK's, a library's), and
     * this answers for a whole hierarchy at once, where looking for overridden methods costs a walk over
     * every supertype's members for every method.
     */
    private boolean supertypesDeclareOwned(TypeElement type) {
        Boolean known = ownedInSupertypes.get(type);
        if (known != null) {
            return known;
        }
        ownedInSupertypes.put(type, false);
        boolean result = false;
        // A JDK class has only JDK supertypes, none of which declares any: no need to ask javac for them.
        for (TypeMirror supertype : inJdk(type) ? List.<TypeMirror>of() : types.directSupertypes(type.asType())) {
            if (types.asElement(supertype) instanceof TypeElement superElement
                    && (declaresOwned(superElement) || supertypesDeclareOwned(superElement))) {
                result = true;
                break;
            }
        }
        ownedInSupertypes.put(type, result);
        return result;
    }

    private boolean declaresOwned(TypeElement type) {
        Boolean known = ownedDeclarations.get(type);
        if (known == null) {
            known = !inJdk(type) && computeDeclaresOwned(type);
            ownedDeclarations.put(type, known);
        }
        return known;
    }

    /**
     * The JDK's own modules cannot see {@code @Owned}, so their classes declare none; asking each of their
     * methods and parameters (javac makes the parameters of a class-file method only when asked) was the
     * largest part of the checker's time on code that calls the JDK a lot.
     */
    /**
     * Whether a method belongs to the JDK, whose methods never take ownership.
     *
     * @param method a method or constructor
     * @return true for a method of a class in a {@code java.*} or {@code jdk.*} module
     */
    public boolean isJdkMethod(ExecutableElement method) {
        return method.getEnclosingElement() instanceof TypeElement owner && inJdk(owner);
    }

    private boolean inJdk(TypeElement type) {
        ModuleElement module = elements.getModuleOf(type);
        if (module == null || module.isUnnamed()) {
            return false;
        }
        Boolean known = jdkModules.get(module);
        if (known == null) {
            String name = module.getQualifiedName().toString();
            known = name.startsWith("java.") || name.startsWith("jdk.");
            jdkModules.put(module, known);
        }
        return known;
    }

    private static boolean computeDeclaresOwned(TypeElement type) {
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof ExecutableElement method && declaresOwned(method)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a method or constructor is {@code @Owned} or takes an {@code @Owned} parameter. */
    private static boolean declaresOwned(ExecutableElement method) {
        if (ApiModel.has(method, ApiModel.OWNED)) {
            return true;
        }
        for (Element parameter : method.getParameters()) {
            if (ApiModel.has(parameter, ApiModel.OWNED)) {
                return true;
            }
        }
        return false;
    }

    /** The methods of direct supertypes (searched transitively by the recursion) that this one overrides. */
    private List<ExecutableElement> overriddenMethods(ExecutableElement method, TypeElement owner) {
        List<ExecutableElement> found = new java.util.ArrayList<>();
        for (TypeMirror supertype : types.directSupertypes(owner.asType())) {
            if (!(types.asElement(supertype) instanceof TypeElement superElement)) {
                continue;
            }
            boolean direct = false;
            for (Element member : superElement.getEnclosedElements()) {
                if (member instanceof ExecutableElement candidate && candidate.getKind() == ElementKind.METHOD
                        && candidate.getSimpleName().equals(method.getSimpleName())
                        && candidate.getParameters().size() == method.getParameters().size()
                        && elements.overrides(method, candidate, owner)) {
                    found.add(candidate);
                    direct = true;
                }
            }
            if (!direct) {
                // The overridden declaration may sit further up; look there through this supertype.
                found.addAll(overriddenMethods(method, superElement));
            }
        }
        return found;
    }

    /**
     * Whether a constructor is a record's compact canonical constructor, at whose end javac stores each
     * parameter in its component field.
     *
     * @param constructor a constructor
     * @return true for a compact constructor
     */
    public boolean isCompactConstructor(ExecutableElement constructor) {
        return elements.isCompactConstructor(constructor);
    }

    /**
     * Whether a constructor is a record's canonical one, which stores each parameter in its component.
     *
     * @param constructor a constructor
     * @return true for a canonical constructor, implicit or declared
     */
    public boolean isCanonicalConstructor(ExecutableElement constructor) {
        return elements.isCanonicalConstructor(constructor);
    }

    /**
     * Whether a class is {@code AutoCloseable}, so that it has a {@code close()} that its users call.
     *
     * @param type a class
     * @return true when it implements {@code java.lang.AutoCloseable}
     */
    public boolean isAutoCloseable(TypeElement type) {
        return foreign.isA(type.asType(), "java.lang.AutoCloseable");
    }

    /**
     * Whether instances of a type made with {@code new} are owned: the class or a supertype is {@code @Owned}.
     *
     * @param type the instantiated type
     * @return true if owned
     */
    public boolean isOwnedType(TypeMirror type) {
        if (!(type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element)) {
            return false;
        }
        // Asked for every new of the code: one look-up per class, not a module look-up per new.
        Boolean known = ownedInstances.get(element);
        if (known == null) {
            known = inherits(element, ApiModel.OWNED, ownedTypes) || !inJdk(element) && isArena(element);
            ownedInstances.put(element, known);
        }
        return known;
    }

    /**
     * Whether a type is a region allocator: the class or a supertype is {@code @Region}.
     *
     * @param type the static type
     * @return true for a region
     */
    public boolean isRegionType(TypeMirror type) {
        return type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
                && (inherits(element, ApiModel.REGION, regionTypes) || isArena(element));
    }

    /**
     * The subtype tests against the JDK's types that this reader asks, for the rules that ask the same.
     *
     * @return the tests of this compilation
     */
    public ForeignTypes foreignTypes() {
        return foreign;
    }

    /**
     * Whether storing a value into a field hands the value to the field's object (or class): the field is
     * {@code @Owned}, or holds an {@code Arena}, which owns what it is given without any annotation.
     *
     * @param field a field
     * @return true for such fields
     */
    public boolean isOwnedField(Element field) {
        return ApiModel.has(field, ApiModel.OWNED) || isArenaType(field.asType());
    }

    /**
     * Whether a method returns an {@code Arena}: its caller gets what it returns, as from an {@code @Owned}
     * method, though the caller is not held to close it.
     *
     * @param method a method
     * @return true when its return type is an arena
     */
    public boolean isArenaResult(ExecutableElement method) {
        return isArenaType(method.getReturnType());
    }

    /**
     * Whether a type is an {@code Arena} or implements it.
     *
     * @param type a static type
     * @return true for arenas
     */
    public boolean isArenaType(TypeMirror type) {
        return type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
                && isArena(element);
    }

    /** Whether a class is the JDK's {@code Arena} or implements it: a region that {@code close()} releases. */
    private boolean isArena(TypeElement element) {
        // ForeignTypes caches the answer per class.
        return foreign.isA(element.asType(), ApiModel.ARENA);
    }

    /**
     * Whether a call allocates a segment from the allocator it is called on: an {@code allocate...} method
     * of a {@code SegmentAllocator} (an {@code Arena} among them).
     *
     * @param method the called method
     * @return true for those methods
     */
    public boolean isSegmentAllocation(ExecutableElement method) {
        return ApiModel.isSegmentAllocation(method) && foreign.ownerIsA(method).test(ApiModel.SEGMENT_ALLOCATOR);
    }

    /**
     * Whether a call views an allocator as a {@code SegmentAllocator}: {@code Allocator.asSegmentAllocator()}
     * (or an override), whose segments the allocator owns as if its {@code alloc} had returned them.
     *
     * @param method the called method
     * @return true for that method of an allocator
     */
    public boolean isSegmentAllocatorView(ExecutableElement method) {
        return ApiModel.isSegmentAllocatorView(method)
                && !method.getModifiers().contains(Modifier.STATIC) && method.getEnclosingElement() != null
                && isAllocatorType(method.getEnclosingElement().asType());
    }

    /**
     * Whether a type is an allocator.
     *
     * @param type the static type
     * @return true if it is a subtype of {@code org.allocdiscipline.Allocator}
     */
    public boolean isAllocatorType(TypeMirror type) {
        if (type == null || type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        if (!(((DeclaredType) type).asElement() instanceof TypeElement element)) {
            return allocator() != null && types.isSubtype(types.erasure(type), allocator());
        }
        // The supertypes first: most classes of most code are no allocators, and code without the runtime
        // would otherwise pay for a look-up of a type that is not there.
        Boolean known = allocatorTypes.get(element);
        if (known == null) {
            known = allocatorNames.inHierarchy(element) && allocator() != null
                    && types.isSubtype(types.erasure(type), allocator());
            allocatorTypes.put(element, known);
        }
        return known;
    }

    /** The erased {@code Allocator} type, looked up once; {@code null} when the compilation lacks it. */
    private TypeMirror allocator() {
        if (!allocatorLooked) {
            allocatorLooked = true;
            TypeElement element = elements.getTypeElement(ApiModel.ALLOCATOR);
            allocator = element == null ? null : types.erasure(element.asType());
        }
        return allocator;
    }

    /**
     * Whether a lambda of this functional interface type returns a value (its single abstract
     * method is not {@code void}). Unknown types count as returning a value.
     *
     * @param functionalInterface the lambda's target type
     * @return false only when the function type is known to return {@code void}
     */
    public boolean functionReturnsValue(TypeMirror functionalInterface) {
        if (!(functionalInterface instanceof DeclaredType declared)
                || !(declared.asElement() instanceof TypeElement type)) {
            return true;
        }
        Boolean known = valueReturningFunctions.get(type);
        if (known == null) {
            known = computeFunctionReturnsValue(declared, type);
            valueReturningFunctions.put(type, known);
        }
        return known;
    }

    private boolean computeFunctionReturnsValue(DeclaredType declared, TypeElement type) {
        for (Element member : elements.getAllMembers(type)) {
            if (member instanceof ExecutableElement method && method.getKind() == ElementKind.METHOD
                    && method.getModifiers().contains(Modifier.ABSTRACT)
                    && method.getEnclosingElement() instanceof TypeElement owner
                    && owner.getKind() == ElementKind.INTERFACE) {
                TypeMirror asMember = types.asMemberOf(declared, method);
                if (asMember instanceof javax.lang.model.type.ExecutableType executable) {
                    return executable.getReturnType().getKind() != TypeKind.VOID;
                }
            }
        }
        return true;
    }

    /**
     * Whether values of a type are containers that can hold owned values: arrays, and the JDK's
     * {@code Collection} and {@code Map} types.
     *
     * @param type the static type of a variable
     * @return true for an array, a collection or a map
     */
    public boolean isContainerType(TypeMirror type) {
        if (type == null) {
            return false;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return true;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        return foreign.isA(type, ApiModel.COLLECTION) || foreign.isA(type, ApiModel.MAP);
    }

    /**
     * Whether every value of one type is an instance of another (after erasure).
     *
     * @param type      the value's type
     * @param supertype the tested type
     * @return true if {@code type} is a subtype of {@code supertype}
     */
    public boolean isSubtype(TypeMirror type, TypeMirror supertype) {
        return type != null && supertype != null && type.getKind() == TypeKind.DECLARED
                && supertype.getKind() == TypeKind.DECLARED
                && types.isSubtype(types.erasure(type), types.erasure(supertype));
    }

    private boolean inherits(TypeElement element, String annotation, Map<TypeElement, Boolean> cache) {
        Boolean known = cache.get(element);
        if (known != null) {
            return known;
        }
        cache.put(element, false);
        // The JDK's classes cannot see the project's annotations, and have only JDK supertypes.
        boolean result = !inJdk(element) && (ApiModel.has(element, annotation) || supertypeInherits(element, annotation, cache));
        cache.put(element, result);
        return result;
    }

    private boolean supertypeInherits(TypeElement element, String annotation, Map<TypeElement, Boolean> cache) {
        for (TypeMirror supertype : types.directSupertypes(element.asType())) {
            if (types.asElement(supertype) instanceof TypeElement superElement && inherits(superElement, annotation, cache)) {
                return true;
            }
        }
        return false;
    }
}
