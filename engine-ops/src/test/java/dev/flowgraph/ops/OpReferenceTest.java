package dev.flowgraph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/ops.md}, the op reference, equal to what the registry says: one line per op,
 * from {@link OpDef#summary()}, grouped by the op's package. Regenerate it with
 * {@code mvn -pl engine-ops -am test -Dtest=OpReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -DregenerateOpReference=true}.
 */
class OpReferenceTest {
    private static final Path REFERENCE = Path.of(System.getProperty("basedir", "."))
            .resolve("../docs/ops.md").normalize();

    @Test
    void everyOpDocumentsItself() {
        List<String> undocumented = OpRegistry.global().defs().stream()
                .filter(d -> d.summary().isBlank()).map(OpDef::type).collect(Collectors.toList());
        assertEquals(List.of(), undocumented, "ops without a summary()");
    }

    @Test
    void docsOpsMdIsUpToDate() throws IOException {
        String generated = render(OpRegistry.global());
        if (Boolean.getBoolean("regenerateOpReference")) {
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(REFERENCE), REFERENCE + " is missing; regenerate it (see this test's javadoc)");
        assertEquals(generated, Files.readString(REFERENCE, StandardCharsets.UTF_8),
                "docs/ops.md differs from the registry; regenerate it (see OpReferenceTest's javadoc)");
    }

    /** The reference: a table per family (the op's package), ops sorted by type. */
    static String render(OpRegistry registry) {
        Map<String, List<OpDef>> families = new TreeMap<>();
        for (OpDef def : registry.defs()) {
            String pkg = def.getClass().getPackageName();
            families.computeIfAbsent(pkg.substring(pkg.lastIndexOf('.') + 1), f -> new ArrayList<>()).add(def);
        }
        StringBuilder sb = new StringBuilder()
                .append("# Op reference\n\n")
                .append("Generated from the op registry by `OpReferenceTest` (engine-ops); do not edit by hand.\n")
                .append("Each line is the op's `summary()`: the `Ops` method and its semantics. Broadcasting follows\n")
                .append("NumPy; dtypes never change except through `cast`.\n");
        families.forEach((family, defs) -> {
            sb.append("\n## ").append(family).append("\n\n| op type | `Ops` call and semantics |\n|---|---|\n");
            defs.stream().sorted(Comparator.comparing(OpDef::type)).forEach(d ->
                    sb.append("| `").append(d.type()).append("` | ").append(d.summary().replace("|", "\\|")).append(" |\n"));
        });
        return sb.toString();
    }
}
