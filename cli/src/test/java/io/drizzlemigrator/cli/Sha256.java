package io.drizzlemigrator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash drizzle stores: lowercase hex SHA-256 of the file's bytes (as {@code sha256sum} prints it). */
final class Sha256 {

    private Sha256() {
    }

    static String ofFile(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
