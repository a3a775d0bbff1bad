package dev.consolidate.backup;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * An order-independent hash of a multiset of rows: the sum, modulo 2^256, of each row's SHA-256.
 *
 * <p>A restored table need not hand its rows back in the order they were loaded (a parallel load,
 * tuple routing into partitions, a synchronized scan), and sorting a large table in production
 * just to hash it would cost a sort of every row. Adding the row hashes makes the result
 * independent of order while still counting duplicates (XOR would cancel two equal rows, which
 * tables without a key can hold). The row count is recorded beside it.
 */
final class ContentHash {
    // Called once per row of every table: reads each 64-bit limb in one access, not byte by byte.
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    // Little-endian limbs: limb[0] holds the least significant 64 bits.
    private final long[] limb = new long[4];

    /** Adds one row's 32-byte SHA-256 (big-endian, as MessageDigest returns it). */
    void add(byte[] sha256) {
        long carry = 0;
        for (int i = 0; i < 4; i++) {
            long v = readLong(sha256, 24 - 8 * i);
            long sum = limb[i] + v;
            long carryOut = Long.compareUnsigned(sum, limb[i]) < 0 ? 1 : 0;
            long withCarry = sum + carry;
            if (carry != 0 && withCarry == 0) {
                carryOut = 1;
            }
            limb[i] = withCarry;
            carry = carryOut;
        }
    }

    /** 64 hex digits, most significant first. */
    String hex() {
        byte[] out = new byte[32];
        for (int i = 0; i < 4; i++) {
            long v = limb[i];
            int at = 24 - 8 * i;
            for (int b = 7; b >= 0; b--) {
                out[at + b] = (byte) v;
                v >>>= 8;
            }
        }
        return HexFormat.of().formatHex(out);
    }

    private static long readLong(byte[] b, int at) {
        return (long) BIG_ENDIAN_LONG.get(b, at);
    }
}
