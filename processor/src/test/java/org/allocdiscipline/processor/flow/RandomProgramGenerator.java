package org.allocdiscipline.processor.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random, compilable method bodies that nest every statement form; each plain step is
 * a distinct {@code use(k)} call so tests can find it. Jumps are guarded by {@code if (c())}
 * so that javac never rejects a statement as unreachable.
 */
final class RandomProgramGenerator {
    private final Random random;
    private int counter;
    int uses;

    RandomProgramGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Whether break/continue/return are allowed, and which labels and loops enclose. */
    private record Context(boolean inLoop, boolean inBreakable, boolean mayReturn, List<String> labels) {
        Context loop() {
            return new Context(true, true, mayReturn, labels);
        }

        Context breakable() {
            return new Context(inLoop, true, mayReturn, labels);
        }

        Context labeled(String label) {
            List<String> more = new ArrayList<>(labels);
            more.add(label);
            return new Context(inLoop, inBreakable, mayReturn, more);
        }

        Context switchExpression() {
            return new Context(false, false, false, List.of());
        }
    }

    String compilationUnitMembers() {
        String body = block(new Context(false, false, true, List.of()), 4);
        return """
                static Res open() { return new Res(); }
                static List<String> list() { return List.of(); }
                void m() throws IOException, E2 {
                """ + body + "}\n";
    }

    private String block(Context context, int depth) {
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            out.append(statement(context, depth)).append('\n');
        }
        return out.toString();
    }

    private String statement(Context context, int depth) {
        int k = counter++;
        if (depth == 0) {
            return leaf(context, k);
        }
        int d = depth - 1;
        return switch (random.nextInt(16)) {
            case 0 -> "if (c()) {\n" + block(context, d) + "} else {\n" + block(context, d) + "}";
            case 1 -> "while (c()) {\n" + block(context.loop(), d) + "}";
            case 2 -> "do {\n" + block(context.loop(), d) + "} while (c());";
            case 3 -> "for (int i" + k + " = 0; i" + k + " < n(); i" + k + "++) {\n" + block(context.loop(), d) + "}";
            case 4 -> "for (String x" + k + " : list()) {\n" + block(context.loop(), d) + "}";
            case 5 -> "try {\nio();\n" + block(context, d) + "} catch (IOException e" + k + ") {\n" + block(context, d) + "}";
            case 6 -> "try {\n" + block(context, d) + "} finally {\n" + block(context, d) + "}";
            case 7 -> "try {\nio();\n" + block(context, d) + "} catch (IOException e" + k + ") {\n" + block(context, d)
                    + "} finally {\n" + block(context, d) + "}";
            case 8 -> "try (Res r" + k + " = open()) {\n" + block(context, d) + "}";
            case 9 -> "switch (n()) {\ncase 1 -> {\n" + block(context.breakable(), d) + "}\ncase 2 -> use(" + (uses++)
                    + ");\ndefault -> {\n" + block(context.breakable(), d) + "}\n}";
            case 10 -> "switch (n()) {\ncase 1:\n" + block(context.breakable(), d) + "case 2:\n" + block(context.breakable(), d)
                    + "break;\ndefault:\n" + block(context.breakable(), d) + "}";
            case 11 -> "l" + k + ": {\n" + block(context.labeled("l" + k), d) + "}";
            case 12 -> "int v" + k + " = switch (n()) {\ncase 1 -> n();\ndefault -> {\n" + block(context.switchExpression(), d)
                    + "yield 2;\n}\n};";
            case 13 -> "synchronized (this) {\n" + block(context, d) + "}";
            case 14 -> "o" + k + ": for (int j" + k + " = 0; j" + k + " < n(); j" + k + "++) {\n"
                    + block(context.loop().labeled("o" + k), d) + "}";
            default -> leaf(context, k);
        };
    }

    private String leaf(Context context, int k) {
        List<String> options = new ArrayList<>();
        options.add("use(" + (uses++) + ");");
        options.add("io();");
        options.add("if (c()) throw new E2();");
        if (context.inBreakable()) {
            options.add("if (c()) break;");
        }
        if (context.inLoop()) {
            options.add("if (c()) continue;");
        }
        if (context.mayReturn()) {
            options.add("if (c()) return;");
        }
        if (!context.labels().isEmpty()) {
            options.add("if (c()) break " + context.labels().get(random.nextInt(context.labels().size())) + ";");
        }
        return options.get(random.nextInt(options.size()));
    }
}
