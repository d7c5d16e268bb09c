package io.drizzlemigrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.drizzlemigrator.MigrationSourceException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** Decoding takes a fast path for valid text; it must decide exactly as the JDK's strict UTF-8 decoder does. */
class FileContentsTest {

    @Property(tries = 2000)
    void decodesExactlyWhatTheStrictDecoderAcceptsAndRefusesTheRest(@ForAll("utf8ish") byte[] bytes) {
        String strict;
        try {
            strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            strict = null;
        }

        Throwable thrown = catchThrowable(() -> FileContents.text(bytes, "0000_x.sql", "here"));
        String text = thrown == null ? FileContents.text(bytes, "0000_x.sql", "here") : null;

        Statistics.collect(strict == null ? "invalid" : "valid");
        Statistics.coverage(c -> {
            c.check("valid").percentage(p -> p > 20);
            c.check("invalid").percentage(p -> p > 20);
        });
        if (strict == null) {
            assertThat(thrown).isInstanceOf(MigrationSourceException.class).hasMessageContaining("not valid UTF-8");
        } else {
            assertThat(thrown).isNull();
            assertThat(text).isEqualTo(strict);
        }
    }

    @Test
    void keepsAGenuineReplacementCharacter() {
        byte[] bytes = "SELECT '\uFFFD';".getBytes(StandardCharsets.UTF_8);

        assertThat(FileContents.text(bytes, "0000_x.sql", "here")).isEqualTo("SELECT '\uFFFD';");
    }

    /** Mostly valid UTF-8 text (ASCII, accents, emoji, U+FFFD), with some arbitrary bytes mixed in. */
    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<byte[]> text = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', 'é', 'ß', '€', '\uFFFD')
                .withChars("\uD83D\uDE00").ofMaxLength(40).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
        return Arbitraries.oneOf(text, text.flatMap(t -> raw.map(r -> concat(t, r))), raw.map(r -> concat(r,
                "SELECT 1;".getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
