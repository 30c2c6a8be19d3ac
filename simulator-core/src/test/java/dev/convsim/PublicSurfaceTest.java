package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the public surface of simulator-core (DESIGN: "a test pins the public surface") and the direction of the
 * package dependencies. A change to the surface must update {@code public-surface.txt} on purpose.
 */
class PublicSurfaceTest {

    private static final Set<String> VALUE_PACKAGES = Set.of("model", "api", "inbound", "webhook", "routing", "journal");
    private static final Pattern ROOT_REFERENCE = Pattern.compile("dev/convsim/([A-Z][A-Za-z0-9]*)");

    private static Path classes() throws URISyntaxException {
        return Path.of(ConversationsSimulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<Path> classFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(classes().resolve("dev/convsim"))) {
            return walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static String className(Path file) throws URISyntaxException {
        String relative = classes().relativize(file).toString().replace('\\', '/');
        return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    }

    @Test
    void thePublicSurfaceIsExactlyTheListedTypes() throws Exception {
        Set<String> actual = new TreeSet<>();
        for (Path file : classFiles()) {
            String name = className(file);
            if (name.endsWith("package-info")) {
                continue;
            }
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            boolean visible = Modifier.isPublic(type.getModifiers());
            for (Class<?> outer = type.getEnclosingClass(); visible && outer != null; outer = outer.getEnclosingClass()) {
                visible = Modifier.isPublic(outer.getModifiers());
            }
            if (visible && !type.isAnonymousClass() && !type.isSynthetic()) {
                actual.add(type.getName());
            }
        }
        Set<String> expected = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/public-surface.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    expected.add(line.trim());
                }
            }
        }
        Set<String> added = new TreeSet<>(actual);
        added.removeAll(expected);
        Set<String> removed = new TreeSet<>(expected);
        removed.removeAll(actual);
        assertThat(added).as("public types not in public-surface.txt (add them on purpose, with Javadoc)").isEmpty();
        assertThat(removed).as("types in public-surface.txt that are no longer public").isEmpty();
    }

    @Test
    void theEngineStaysPackagePrivate() throws Exception {
        for (String name : List.of("Engine", "EngineApi", "ConvEntity", "PartEntity", "Journal", "FormReader",
                "HttpDelivery", "WebhookParams", "RoutingContextImpl", "PairKey")) {
            Class<?> type = Class.forName("dev.convsim." + name, false, getClass().getClassLoader());
            assertThat(Modifier.isPublic(type.getModifiers())).as(name + " is public").isFalse();
        }
    }

    @Test
    void valuePackagesNeverReferToTheRootPackage() throws Exception {
        List<String> violations = new ArrayList<>();
        for (Path file : classFiles()) {
            String name = className(file);
            String[] parts = name.split("\\.");
            if (parts.length < 4 || !VALUE_PACKAGES.contains(parts[2])) {
                continue;
            }
            String constants = readLatin1(file);
            Matcher m = ROOT_REFERENCE.matcher(constants);
            while (m.find()) {
                violations.add(name + " → dev.convsim." + m.group(1));
            }
        }
        assertThat(violations).as("sub-packages holding values and SPIs must not import the root package").isEmpty();
    }

    private static String readLatin1(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
