package org.allocdiscipline.benchmarks.javac;

import static org.allocdiscipline.benchmarks.javac.MethodShapes.ALLOCATION_EXCEPTION;
import static org.allocdiscipline.benchmarks.javac.MethodShapes.ALLOCATOR;
import static org.allocdiscipline.benchmarks.javac.MethodShapes.OWNED;
import static org.allocdiscipline.benchmarks.javac.MethodShapes.SEGMENT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates the dense synthetic corpus: classes full of methods that allocate and free in every
 * construct of {@link MethodShapes}. Scale {@code s} gives {@code s} times the classes of scale 1,
 * each class the same, so the code grows exactly in proportion.
 */
final class SyntheticCorpus {
    /** Classes at scale 1. */
    static final int CLASSES_PER_SCALE = 60;
    /** How many times each shape appears in a class, with different constants. */
    static final int REPEATS = 2;
    private static final int CLASSES_PER_PACKAGE = 20;

    private SyntheticCorpus() {
    }

    /** Writes the corpus of the given scale under {@code directory} (emptied first) and lists its files. */
    static List<Path> generate(Path directory, int scale) throws IOException {
        if (scale < 1 || CLASSES_PER_SCALE * scale > 10_000) {
            throw new IllegalArgumentException("scale " + scale + " is outside 1.." + 10_000 / CLASSES_PER_SCALE);
        }
        SourceFiles.deleteTree(directory);
        for (int c = 0; c < CLASSES_PER_SCALE * scale; c++) {
            // Fixed-width names and constants: every class is laid out alike, so the code grows exactly with the scale.
            String packageName = String.format("synthetic.p%03d", c / CLASSES_PER_PACKAGE);
            JavaFile.builder(packageName, unit(packageName, c)).indent("    ").build().writeToPath(directory);
        }
        return SourceFiles.javaFiles(directory);
    }

    private static TypeSpec unit(String packageName, int index) {
        ClassName self = ClassName.get(packageName, String.format("Unit%04d", index));
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Generated for the javac-overhead benchmark.\n")
                .addField(FieldSpec.builder(Object.class, "LOCK", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new Object()").build())
                .addType(buffer())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        int k = 100_000 + index * 100;
        for (int r = 0; r < REPEATS; r++) {
            for (MethodShapes.Shape shape : MethodShapes.ALL) {
                k++;
                String factory = "make" + k;
                if (shape.name().equals("ownedFactory")) {
                    type.addMethod(factory(factory, k));
                }
                type.addMethod(MethodSpec.methodBuilder(shape.name() + k)
                        .addModifiers(Modifier.STATIC)
                        .returns(long.class)
                        .addParameter(ALLOCATOR, "allocator")
                        .addParameter(long.class, "n")
                        .addParameter(int.class, "mode")
                        .addException(ALLOCATION_EXCEPTION)
                        .addCode(shape.body(k, factory))
                        .build());
            }
        }
        return type.build();
    }

    /** Returns an owned segment to its caller: the caller frees it. */
    private static MethodSpec factory(String name, int k) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addAnnotation(OWNED)
                .returns(SEGMENT)
                .addParameter(ALLOCATOR, "allocator")
                .addParameter(long.class, "n")
                .addException(ALLOCATION_EXCEPTION)
                .addStatement("$T s = allocator.alloc(n + $L, 8)", SEGMENT, k)
                .addStatement("return s")
                .build();
    }

    /** An owned object with an owned field that its {@code close()} frees. */
    private static TypeSpec buffer() {
        return TypeSpec.classBuilder("Buffer")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addAnnotation(OWNED)
                .addSuperinterface(AutoCloseable.class)
                .addField(ALLOCATOR, "allocator", Modifier.PRIVATE, Modifier.FINAL)
                .addField(FieldSpec.builder(SEGMENT, "memory", Modifier.PRIVATE, Modifier.FINAL)
                        .addAnnotation(OWNED).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(ALLOCATOR, "allocator")
                        .addParameter(long.class, "n")
                        .addException(ALLOCATION_EXCEPTION)
                        .addStatement("this.allocator = allocator")
                        .addStatement("this.memory = allocator.alloc(n)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("size")
                        .returns(long.class)
                        .addStatement("return memory.byteSize()")
                        .build())
                .addMethod(MethodSpec.methodBuilder("close")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.VOID)
                        .addStatement("allocator.free(memory)")
                        .build())
                .build();
    }
}
