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

/** The files' and the lock key's SHA-256 gives the standard digest, and one instance hashes file after file. */
class Sha256Test {

    private static byte[] jdk(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(data);
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
