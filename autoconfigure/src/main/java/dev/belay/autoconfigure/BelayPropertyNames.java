package dev.belay.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.util.StreamUtils;

/**
 * The names of Belay's properties, as the configuration processor wrote them from
 * {@link BelayProperties} into {@code META-INF/spring-configuration-metadata.json} (the file IDEs
 * complete from), so that the list cannot drift from the class. A name is known when it is one of
 * them in any of Spring Boot's relaxed forms, or lies below a map- or list-typed one.
 */
final class BelayPropertyNames {

    static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("belay");

    static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private final List<Known> known;

    BelayPropertyNames(List<Known> known) {
        this.known = known.stream().sorted(Comparator.comparing((k) -> k.name().toString())).toList();
    }

    /**
     * Belay's properties from the configuration metadata on the class path; empty when it holds no
     * {@code belay} group (an IDE build without annotation processing, say), which leaves nothing
     * to check against.
     */
    static Optional<BelayPropertyNames> fromMetadata(@Nullable ClassLoader classLoader) {
        ClassLoader loader = (classLoader != null) ? classLoader : BelayPropertyNames.class.getClassLoader();
        List<Known> known = new ArrayList<>();
        boolean group = false;
        try {
            Enumeration<URL> resources = loader.getResources(METADATA);
            while (resources.hasMoreElements()) {
                Map<String, Object> metadata = read(resources.nextElement());
                for (Map<?, ?> entry : entries(metadata, "groups")) {
                    group |= BelayProperties.class.getName().equals(entry.get("type"));
                }
                for (Map<?, ?> entry : entries(metadata, "properties")) {
                    if (entry.get("name") instanceof String name && ConfigurationPropertyName.isValid(name)
                            && PREFIX.isAncestorOf(ConfigurationPropertyName.of(name))) {
                        known.add(new Known(ConfigurationPropertyName.of(name), containsEntries(entry.get("type"))));
                    }
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
        return (group && !known.isEmpty()) ? Optional.of(new BelayPropertyNames(known)) : Optional.empty();
    }

    List<ConfigurationPropertyName> names() {
        return this.known.stream().map(Known::name).toList();
    }

    /**
     * Whether {@code candidate}, a name under {@code belay}, binds to one of Belay's properties.
     * @param environmentVariable whether it comes from environment variables, whose names cannot tell
     * a dot from a dash: {@code BELAY_DEV_URL} binds to {@code belay.dev-url}
     */
    boolean isKnown(ConfigurationPropertyName candidate, boolean environmentVariable) {
        for (Known known : this.known) {
            if (environmentVariable ? known.coversEnvironmentVariable(candidate) : known.covers(candidate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The known name nearest to {@code candidate} by edit distance, when one is near enough to be
     * what was meant.
     */
    Optional<ConfigurationPropertyName> nearest(ConfigurationPropertyName candidate, boolean environmentVariable) {
        String typed = uniform(candidate, environmentVariable);
        // A typo leaves a few letters wrong, whatever the length; a long name allows one more per four.
        int allowed = Math.max(2, (typed.length() - PREFIX.toString().length()) / 4);
        Known best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Known known : this.known) {
            int distance = distance(typed, uniform(known.name(), environmentVariable));
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return (best != null && bestDistance <= allowed) ? Optional.of(best.name()) : Optional.empty();
    }

    /** Lower case letters and digits only, the elements joined by dots (or not at all). */
    private static String uniform(ConfigurationPropertyName name, boolean joined) {
        StringBuilder uniform = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            if (i > 0 && !joined) {
                uniform.append('.');
            }
            uniform.append(name.getElement(i, Form.UNIFORM));
        }
        return uniform.toString();
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Map<String, Object> read(URL resource) throws IOException {
        try (InputStream in = resource.openStream()) {
            return JsonParserFactory.getJsonParser().parseMap(StreamUtils.copyToString(in, StandardCharsets.UTF_8));
        }
    }

    private static List<Map<?, ?>> entries(Map<String, Object> metadata, String key) {
        if (!(metadata.get(key) instanceof List<?> entries)) {
            return List.of();
        }
        return entries.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
    }

    /** Whether a property of this type binds the names below its own: maps, lists, sets, arrays. */
    private static boolean containsEntries(@Nullable Object type) {
        if (!(type instanceof String name)) {
            return false;
        }
        return name.startsWith("java.util.Map") || name.startsWith("java.util.List")
                || name.startsWith("java.util.Set") || name.startsWith("java.util.Collection") || name.endsWith("[]");
    }

    /**
     * One of Belay's properties.
     * @param entries whether names below it bind to it (a map's keys, a list's elements)
     */
    record Known(ConfigurationPropertyName name, boolean entries) {

        boolean covers(ConfigurationPropertyName candidate) {
            return this.name.equals(candidate) || (this.entries && this.name.isAncestorOf(candidate));
        }

        boolean coversEnvironmentVariable(ConfigurationPropertyName candidate) {
            String own = uniform(this.name, true);
            String typed = uniform(candidate, true);
            return own.equals(typed) || (this.entries && typed.startsWith(own));
        }

    }

}
