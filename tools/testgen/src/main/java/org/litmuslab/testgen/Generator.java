package org.litmuslab.testgen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line entry of the generator, run by the test modules' builds at {@code generate-sources}
 * (exec-maven-plugin's {@code java} goal, inside Maven's JVM: so this never calls System.exit, it throws):
 *
 * <pre>
 * Generator --module tests-visibility --out target/generated-sources/litmus
 * </pre>
 *
 * Generates every family of that module into the directory, which it owns: unchanged files are left alone, stale
 * {@code .java} files removed.
 */
public final class Generator {

    private Generator() {
    }

    public static void main(String[] args) throws IOException {
        String module = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--module") || a.equals("--out")) && i + 1 < args.length) {
                if (a.equals("--module")) {
                    module = args[++i];
                } else {
                    out = Path.of(args[++i]);
                }
            } else {
                throw new IllegalArgumentException(usage("unexpected argument '" + a + "'"));
            }
        }
        if (module == null || out == null) {
            throw new IllegalArgumentException(usage("--module and --out are required"));
        }
        List<Family> families = Families.forModule(module);
        if (families.isEmpty()) {
            throw new IllegalArgumentException(usage("no family is generated into '" + module + "'; modules with "
                    + "families: " + String.join(", ", Families.modules())));
        }
        List<SourceFile> files = Families.generate(families, new Templates());
        Output.Result r = Output.sync(out, files);
        System.out.printf("litmus-testgen: %d tests of %s (%s) in %s: %d written, %d unchanged, %d stale removed%n",
                r.total(), module, String.join(", ", families.stream().map(Family::name).toList()), out,
                r.written(), r.unchanged(), r.removed());
    }

    private static String usage(String problem) {
        return "litmus-testgen: " + problem + ". Usage: Generator --module tests-counter|tests-visibility --out DIR";
    }
}
