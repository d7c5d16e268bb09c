package io.drizzlemigrator.internal.source;

import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.internal.digest.Sha256;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Hashes migration files with one {@link Sha256} per reading thread (not thread-safe), and decodes them strictly as
 * UTF-8.
 */
final class FileContents {

    private static final byte[] HEX_DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd',
        'e', 'f'};
    private static final char REPLACEMENT = '\uFFFD';

    private final Sha256 sha256 = new Sha256();

    /** Lowercase hex SHA-256 of the bytes: drizzle's hash of the file (for valid UTF-8). */
    String hash(byte[] bytes) {
        byte[] digest = sha256.digest(bytes);
        byte[] hex = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX_DIGITS[digest[i] & 0xf];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    /**
     * The bytes decoded as UTF-8, refusing malformed input; a byte order mark and CRLF line ends stay in the text.
     *
     * @throws MigrationSourceException naming the file, the line and the byte offset of the first bad byte
     */
    static String text(byte[] bytes, String file, String where) {
        // Fast path: the JDK's lenient decoder is vectorised; its output holds U+FFFD wherever the input is malformed,
        // so only a text holding U+FFFD (malformed, or a genuine replacement character) needs the strict decoder.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf(REPLACEMENT) < 0) {
            return lenient;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = utf8.decode(in, out, true);
        if (!result.isError()) {
            result = utf8.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MigrationSourceException(file, line, file + " in " + where + " is not valid UTF-8: byte "
                    + String.format("0x%02X", bytes[offset] & 0xff) + " at offset " + offset + " (line " + line
                    + ") begins a malformed sequence; save the file as UTF-8 (drizzle's migrator would replace the "
                    + "bad bytes with U+FFFD and run and hash a different text)");
        }
        return out.flip().toString();
    }
}
