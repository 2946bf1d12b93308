package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.math.BigInteger;

/**
 * Converts between the SSH ECDSA signature ({@code mpint r, mpint s}, RFC 5656 section 3.1.2) and
 * the fixed-width IEEE P1363 form {@code r || s} used by JCA's {@code ...withECDSAinP1363Format}
 * (so no DER is parsed or produced here).
 */
final class EcdsaSignatureCodec {
    private EcdsaSignatureCodec() {
    }

    /** P1363 {@code r || s} to the SSH inner signature. */
    static byte[] fromP1363(EcCurve curve, byte[] p1363) {
        int n = curve.orderBytes();
        if (p1363.length != 2 * n) {
            throw new IllegalStateException("unexpected P1363 signature length " + p1363.length);
        }
        byte[] r = java.util.Arrays.copyOfRange(p1363, 0, n);
        byte[] s = java.util.Arrays.copyOfRange(p1363, n, 2 * n);
        return new WireWriter(2 * n + 10).mpintUnsigned(r).mpintUnsigned(s).toByteArray();
    }

    /**
     * The SSH inner signature to P1363, or null when r or s is outside [1, n-1] (a signature that
     * cannot verify).
     *
     * @throws KeyFormatException if it is not exactly two canonical mpints
     */
    static byte[] toP1363(EcCurve curve, byte[] sshSig) throws KeyFormatException {
        BigInteger r;
        BigInteger s;
        try {
            WireReader reader = new WireReader(sshSig);
            r = reader.mpint();
            s = reader.mpint();
            reader.expectEnd();
        } catch (ProtocolException e) {
            throw new KeyFormatException("malformed ECDSA signature: " + e.getMessage(), e);
        }
        BigInteger order = curve.params().getOrder();
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(order) >= 0 || s.compareTo(order) >= 0) {
            return null;
        }
        int n = curve.orderBytes();
        byte[] out = new byte[2 * n];
        Unsigned.toFixed(r, out, 0, n);
        Unsigned.toFixed(s, out, n, n);
        return out;
    }
}
