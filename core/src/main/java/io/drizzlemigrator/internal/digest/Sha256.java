package io.drizzlemigrator.internal.digest;

import java.util.Arrays;

/**
 * SHA-256 (FIPS 180-4) of whole byte arrays: drizzle's hash of a migration file, here a content fingerprint, never a
 * security boundary. One instance per thread (not thread-safe).
 *
 * <p>Why not {@link java.security.MessageDigest}: a start with nothing to apply hashes every applied file (1000
 * files, ~1 MB, in the benchmark) in a JVM that has compiled nothing yet. Reaching the JDK's SHA-256 loads the JCA
 * provider framework (about a hundred classes, ~15 ms on the benchmark machine), and its byte-order helpers are
 * {@code VarHandle}s, which are slow until the JIT has compiled them: cold, this class hashes the benchmark's files
 * in about 12 ms where {@code MessageDigest} takes about 30 ms. Warm, the JDK's intrinsic is faster (~0.5 ms against
 * ~3.5 ms for the same files), which a service's single start never reaches. {@code Sha256Test} holds this class
 * equal to {@code MessageDigest} on random inputs of every length around the padding boundaries. The lock key is
 * derived with it too, on the same path.
 */
public final class Sha256 {

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private final int[] state = new int[8];
    private final int[] schedule = new int[64];
    /** The last one or two blocks: the bytes after the last whole block, the 0x80 marker, zeros and the bit length. */
    private final byte[] tail = new byte[128];

    /** The 32-byte digest of {@code data}. */
    public byte[] digest(byte[] data) {
        int[] h = state;
        h[0] = 0x6a09e667;
        h[1] = 0xbb67ae85;
        h[2] = 0x3c6ef372;
        h[3] = 0xa54ff53a;
        h[4] = 0x510e527f;
        h[5] = 0x9b05688c;
        h[6] = 0x1f83d9ab;
        h[7] = 0x5be0cd19;
        int whole = data.length & ~63;
        for (int offset = 0; offset < whole; offset += 64) {
            compress(data, offset);
        }
        int rest = data.length - whole;
        System.arraycopy(data, whole, tail, 0, rest);
        tail[rest] = (byte) 0x80;
        int end = rest < 56 ? 64 : 128;
        Arrays.fill(tail, rest + 1, end - 8, (byte) 0);
        long bits = (long) data.length << 3;
        for (int i = 0; i < 8; i++) {
            tail[end - 1 - i] = (byte) (bits >>> (8 * i));
        }
        compress(tail, 0);
        if (end == 128) {
            compress(tail, 64);
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            int v = h[i];
            out[4 * i] = (byte) (v >>> 24);
            out[4 * i + 1] = (byte) (v >>> 16);
            out[4 * i + 2] = (byte) (v >>> 8);
            out[4 * i + 3] = (byte) v;
        }
        return out;
    }

    private void compress(byte[] block, int offset) {
        int[] w = schedule;
        for (int t = 0, i = offset; t < 16; t++, i += 4) {
            w[t] = (block[i] << 24) | ((block[i + 1] & 0xff) << 16) | ((block[i + 2] & 0xff) << 8)
                    | (block[i + 3] & 0xff);
        }
        for (int t = 16; t < 64; t++) {
            int x = w[t - 15];
            int y = w[t - 2];
            int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
            int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int[] h = state;
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        int f = h[5];
        int g = h[6];
        int k = h[7];
        for (int t = 0; t < 64; t++) {
            int sum1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int t1 = k + sum1 + ((e & f) ^ (~e & g)) + K[t] + w[t];
            int sum0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int t2 = sum0 + ((a & b) ^ (a & c) ^ (b & c));
            k = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += k;
    }
}
