package dev.flowgraph;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" hints for unknown names: the closest known names by edit distance. */
final class Suggestions {
    private static final int MAX_SUGGESTIONS = 3;
    private static final int MIN_CONTAINED = 3;

    private Suggestions() {}

    private record Candidate(String name, int distance) {}

    /**
     * Returns {@code ". Did you mean 'x' or 'y'?"}, or an empty string if no known name is close.
     * A name is close when at most a third of its characters (at least 1) must change,
     * ignoring case, or when one name contains the other, of at least 3 characters.
     */
    static String didYouMean(String name, Collection<String> known) {
        List<String> near = nearest(name, known);
        if (near.isEmpty()) {
            return "";
        }
        return ". Did you mean " + near.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" or ")) + "?";
    }

    /** The closest known names, best first, at most three. */
    static List<String> nearest(String name, Collection<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        LevenshteinDistance levenshtein = new LevenshteinDistance(Math.max(1, (name.length() + 1) / 3));
        return known.stream()
                .map(k -> new Candidate(k, distance(lower, k.toLowerCase(Locale.ROOT), levenshtein)))
                .filter(c -> c.distance() >= 0)
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .limit(MAX_SUGGESTIONS)
                .map(Candidate::name)
                .collect(Collectors.toList());
    }

    /** The edit distance within the threshold; containment ranks after those; -1 when not close. */
    private static int distance(String name, String candidate, LevenshteinDistance levenshtein) {
        int d = levenshtein.apply(name, candidate);
        if (d >= 0) {
            return d;
        }
        // Containment only counts for names of 3 characters or more: 'a' is inside almost anything.
        String shorter = name.length() <= candidate.length() ? name : candidate;
        String longer = shorter == name ? candidate : name;
        return shorter.length() >= MIN_CONTAINED && longer.contains(shorter) ? Integer.MAX_VALUE : -1;
    }
}
