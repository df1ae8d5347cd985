package org.allocdiscipline.processor.ownership;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random compilable methods in which every allocation is freed right after one use,
 * nested in every statement form, with guarded jumps and checked exceptions elsewhere. Some
 * allocations are made and freed under two tests of one boolean flag. Some are made by a generated
 * private factory, and some freed by a generated private helper (its free is the one recorded), which the
 * checker reads from their bodies. Each allocation, use and free is on a line of its own and is recorded,
 * so a test can remove or repeat one free and know exactly which finding must appear.
 */
final class OwnedProgramGenerator {
    private final Random random;
    private int counter;
    /** The private helpers and factories the method calls, declared after it. */
    private final StringBuilder helpers = new StringBuilder();
    /** For each allocation: the line texts of its allocation and its free. */
    final List<String[]> triples = new ArrayList<>();

    OwnedProgramGenerator(long seed) {
        this.random = new Random(seed);
    }

    private record Context(boolean inLoop, boolean inBreakable, List<String> labels) {
    }

    String source() {
        String body = block(new Context(false, false, List.of()), 4);
        return "class T {\n"
                + "    @Owned static MemorySegment make() { return MemorySegment.NULL; }\n"
                + "    static boolean c() { return true; }\n"
                + "    static int n() { return 1; }\n"
                + "    static void use(MemorySegment s) {}\n"
                + "    static void io() throws IOException {}\n"
                + "    void m(Allocator a) throws IOException {\n"
                + body
                + "    }\n"
                + helpers
                + "}\n";
    }

    private String block(Context context, int depth) {
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            out.append(statement(context, depth));
        }
        return out.toString();
    }

    private String statement(Context context, int depth) {
        int k = counter++;
        if (depth == 0) {
            return leaf(context, k);
        }
        int d = depth - 1;
        Context loop = new Context(true, true, context.labels());
        return switch (random.nextInt(11)) {
            case 0 -> "if (c()) {\n" + block(context, d) + "} else {\n" + block(context, d) + "}\n";
            case 1 -> "while (c()) {\n" + block(loop, d) + "}\n";
            case 2 -> "for (int i" + k + " = 0; i" + k + " < n(); i" + k + "++) {\n" + block(loop, d) + "}\n";
            case 3 -> "do {\n" + block(loop, d) + "} while (c());\n";
            case 4 -> "try {\nio();\n" + block(context, d) + "} catch (IOException e" + k + ") {\n" + block(context, d) + "}\n";
            case 5 -> "try {\n" + block(context, d) + "} finally {\n" + block(context, d) + "}\n";
            case 6 -> "switch (n()) {\ncase 1 -> {\n" + block(new Context(context.inLoop(), true, context.labels()), d)
                    + "}\ndefault -> {\n" + block(new Context(context.inLoop(), true, context.labels()), d) + "}\n}\n";
            case 7 -> {
                List<String> labels = new ArrayList<>(context.labels());
                labels.add("l" + k);
                yield "l" + k + ": {\n" + block(new Context(context.inLoop(), context.inBreakable(), labels), d) + "}\n";
            }
            default -> leaf(context, k);
        };
    }

    private String leaf(Context context, int k) {
        List<String> options = new ArrayList<>();
        options.add("TRIPLE");
        options.add("TRIPLE");
        options.add("FLAGGED");
        options.add("io();\n");
        options.add("if (c()) return;\n");
        if (context.inBreakable()) {
            options.add("if (c()) break;\n");
        }
        if (context.inLoop()) {
            options.add("if (c()) continue;\n");
        }
        if (!context.labels().isEmpty()) {
            options.add("if (c()) break " + context.labels().get(random.nextInt(context.labels().size())) + ";\n");
        }
        String choice = options.get(random.nextInt(options.size()));
        if (choice.equals("FLAGGED")) {
            return flagged(k);
        }
        if (!choice.equals("TRIPLE")) {
            return choice;
        }
        String allocation = "MemorySegment s" + k + " = make();";
        if (random.nextInt(4) == 0) {
            allocation = "MemorySegment s" + k + " = fresh" + k + "();";
            helpers.append("private static MemorySegment fresh").append(k).append("() {\nreturn make();\n}\n");
        }
        String free = "a.free(s" + k + ");";
        if (random.nextInt(3) == 0) {
            // Freed by a helper: the helper's free is the one a test removes or repeats.
            String helperFree = "a.free(h" + k + ");";
            helpers.append("private static void release").append(k).append("(Allocator a, MemorySegment h").append(k)
                    .append(") {\n").append(helperFree).append("\n}\n");
            triples.add(new String[] {allocation, helperFree});
            return allocation + "\nuse(s" + k + ");\nrelease" + k + "(a, s" + k + ");\n";
        }
        triples.add(new String[] {allocation, free});
        return allocation + "\nuse(s" + k + ");\n" + free + "\n";
    }

    /** An allocation made only when a flag is set, and freed under a second test of the same flag. */
    private String flagged(int k) {
        String allocation = "s" + k + " = make();";
        String free = "a.free(s" + k + ");";
        triples.add(new String[] {allocation, free});
        return "boolean f" + k + " = c();\nMemorySegment s" + k + " = null;\nif (f" + k + ") {\n" + allocation
                + "\n}\nuse(s" + k + ");\nif (f" + k + ") {\n" + free + "\n}\n";
    }
}
