package io.drizzlemigrator.internal.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The startup path's own SHA-256 must give exactly the JDK's digest, for every length and content. */
class Sha256Test {

    private static byte[] jdk(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    @Property(tries = 3000)
    void equalsTheJdkDigest(@ForAll("data") byte[] data) throws NoSuchAlgorithmException {
        assertThat(new Sha256().digest(data)).isEqualTo(jdk(data));
    }

    /** One instance hashes a thread's files one after the other: nothing of a previous file may leak into the next. */
    @Property(tries = 300)
    void anInstanceIsReusable(@ForAll("data") byte[] first, @ForAll("data") byte[] second)
            throws NoSuchAlgorithmException {
        Sha256 sha = new Sha256();
        sha.digest(first);
        assertThat(sha.digest(second)).isEqualTo(jdk(second));
        assertThat(sha.digest(first)).isEqualTo(jdk(first));
    }

    @Test
    void everyLengthAcrossThePaddingBoundaries() throws NoSuchAlgorithmException {
        // lengths 0..300 cover a tail of 0-63 bytes, with and without room for the length (55/56), over several blocks
        byte[] all = new byte[300];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 31 + 7);
        }
        Sha256 sha = new Sha256();
        for (int n = 0; n <= all.length; n++) {
            byte[] data = java.util.Arrays.copyOf(all, n);
            assertThat(sha.digest(data)).as("length %d", n).isEqualTo(jdk(data));
        }
    }

    @Test
    void fipsExamples() {
        // FIPS 180-2 appendix B: one block, two blocks
        assertThat(hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        assertThat(hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(new Sha256().digest(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Provide
    Arbitrary<byte[]> data() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(200),
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(5000));
    }
}
