package dev.flowgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link Suggestions}. Edit distances are counted by hand; the threshold for a name of
 * length n is max(1, (n + 1) / 3) edits, case ignored.
 */
class SuggestionsTest {

    @Test
    void oneEditAwayIsSuggested() {
        // "TestAd" (6 chars, threshold 2): TestAdd is 1 insertion away; TestMul needs 3 edits.
        assertEquals(List.of("TestAdd"), Suggestions.nearest("TestAd", List.of("TestMul", "TestAdd", "Const")));
    }

    @Test
    void nearestIsOrderedByDistanceThenName() {
        // "weights" (7 chars, threshold 2): weight 1 deletion, weigths 2 (transposition = 2 edits),
        // wEights 0 ignoring case.
        assertEquals(List.of("wEights", "weight", "weigths"),
                Suggestions.nearest("weights", List.of("weigths", "weight", "wEights")));
    }

    @Test
    void tiesAreBrokenByName() {
        // "abcd" (threshold 1): abce, abcd1 and xbcd are each 1 edit away.
        assertEquals(List.of("abcd1", "abce", "xbcd"),
                Suggestions.nearest("abcd", List.of("xbcd", "abce", "abcd1")));
    }

    @Test
    void atMostThreeSuggestions() {
        assertEquals(List.of("aa", "ab", "ac"), Suggestions.nearest("a", List.of("ad", "ac", "ab", "aa", "zz")));
    }

    @Test
    void caseIsIgnoredButTheKnownSpellingIsReturned() {
        assertEquals(List.of("Const"), Suggestions.nearest("const", List.of("Const", "Placeholder")));
        assertEquals(List.of("placeholder"), Suggestions.nearest("PLACEHOLDER", List.of("placeholder")));
    }

    @Test
    void nothingCloseGivesNothing() {
        assertTrue(Suggestions.nearest("zzz", List.of("Const", "Placeholder", "TestAdd")).isEmpty());
        assertTrue(Suggestions.nearest("x", List.of()).isEmpty());
        assertEquals("", Suggestions.didYouMean("zzz", List.of("Const")));
        assertEquals("", Suggestions.didYouMean("anything", Set.of()));
    }

    @Test
    void shortNamesAllowOneEditOnly() {
        // "ab" (threshold 1): "abc" is 1 insertion; "abcd" is 2 insertions, too far by edit distance,
        // and containment counts only for names of 3 or more characters.
        assertEquals(List.of("abc"), Suggestions.nearest("ab", List.of("abcd", "abc")));
        // One-letter node names are not suggested for any longer name that happens to hold them.
        assertTrue(Suggestions.nearest("bias", List.of("a", "b", "c")).isEmpty());
        // "xy" vs "ab": 2 substitutions, no containment.
        assertTrue(Suggestions.nearest("xy", List.of("ab")).isEmpty());
    }

    @Test
    void containmentCountsAsClose() {
        // "Add" vs "layer1/Add": 7 edits, far beyond the threshold 1, but one contains the other.
        assertEquals(List.of("layer1/Add"), Suggestions.nearest("Add", List.of("layer1/Add", "Mul")));
        // The other direction: the unknown name contains a known one.
        assertEquals(List.of("dense"), Suggestions.nearest("model/dense/kernel", List.of("dense", "conv")));
    }

    @Test
    void containmentRanksAfterEditDistanceMatches() {
        // "bias" (threshold 1): "bias1" is 1 edit; "layer/bias" only contains it.
        assertEquals(List.of("bias1", "layer/bias"),
                Suggestions.nearest("bias", List.of("layer/bias", "bias1")));
    }

    @Test
    void emptyNameContainsNothing() {
        // The empty string is contained in every name, which must not make every name a suggestion;
        // within one edit only the single-character names remain.
        assertEquals(List.of("a"), Suggestions.nearest("", List.of("a", "bb", "ccc")));
    }

    @Test
    void didYouMeanFormatsOneOrSeveralNames() {
        assertEquals(". Did you mean 'TestAdd'?", Suggestions.didYouMean("TestAd", List.of("TestAdd", "Const")));
        assertEquals(". Did you mean 'abcd1' or 'abce'?", Suggestions.didYouMean("abcd", List.of("abce", "abcd1")));
    }
}
