package io.drizzlemigrator.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The auto-name rule's "does the SQL mention this word" compares in place; it must answer as the plain definition
 * does: collect every lower-case word of the name (and its singular) into a set, then look the words up.
 */
class MentionedWordsTest {

    @Test
    void splitsCamelCaseAndQuotesAndTakesSingularsOnBothSides() {
        assertThat(Conventions.hasWord("\"teamMembers\"", new String[] {"ancient", "member"})).isTrue();
        assertThat(Conventions.hasWord("TEAMS", new String[] {"team", "titan"})).isTrue();
        assertThat(Conventions.hasWord("titan_0001", new String[] {"titans"})).isTrue();
        assertThat(Conventions.hasWord("ancient_hero", new String[] {"titan", "wasp"})).isFalse();
        assertThat(Conventions.hasWord("ant", new String[] {"ants"})).isTrue(); // "ants" stands for "ant"
        assertThat(Conventions.hasWord("as", new String[] {"as", "bass"})).isFalse(); // too short, "bas" ≠ "as"
    }

    @Property(tries = 2000)
    void answersAsTheSetOfEveryWordDoes(@ForAll("names") String name, @ForAll("candidates") List<String> words) {
        assertThat(Conventions.hasWord(name, words.toArray(String[]::new))).isEqualTo(reference(name, words));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.of("team", "Team", "TEAM", "members", "Members", "MEMBERS", "ant", "ants", "Ants", "ss",
                        "sss", "titan", "Titans", "bus", "buses", "as", "gas", "GAS"),
                Arbitraries.strings().withChars("aAsSzZ_\"' .0é").ofMaxLength(6));
        return part.list().ofMaxSize(5).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<String>> candidates() {
        return Arbitraries.oneOf(Arbitraries.of("team", "teams", "member", "members", "ant", "ants", "titan",
                "titans", "ss", "sss", "ssss", "bus", "buse", "as", "gas", "gass"),
                Arbitraries.strings().withChars("asz").ofMinLength(1).ofMaxLength(5)).list().ofMinSize(1).ofMaxSize(4);
    }

    /** The definition, as the rule first computed it. */
    private static boolean reference(String name, List<String> words) {
        Set<String> mentioned = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : ' ';
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean boundary = !letter || (c >= 'A' && c <= 'Z' && i > 0 && name.charAt(i - 1) >= 'a'
                    && name.charAt(i - 1) <= 'z');
            if (boundary && start >= 0) {
                String w = Words.lower(name.substring(start, i));
                mentioned.add(w);
                mentioned.add(singular(w));
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        for (String w : words) {
            if (w.length() > 2 && (mentioned.contains(w) || mentioned.contains(singular(w)))) {
                return true;
            }
        }
        return false;
    }

    private static String singular(String w) {
        return w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    }
}
