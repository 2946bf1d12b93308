package dev.skiff.ssh.transport.crypto;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/** Small helpers shared by the {@link PacketProtection} implementations. */
final class Packets {
    /** Message used for every integrity failure, so the peer learns nothing about the cause. */
    static final String MAC_FAILED = "MAC verification failed (packet corrupted or tampered)";

    private Packets() {
    }

    /** Big-endian uint32 at {@code b[off]}, as an int (callers treat negative values as too large). */
    static int readUint32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static void writeUint32(int v, byte[] b, int off) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /**
     * Checks that {@code buf} holds the 4-byte length, {@code packetLength} bytes and
     * {@code macLength} bytes from {@code off}; the codec guarantees this, so a failure means the
     * length was corrupted after the codec looked at it.
     */
    static void checkBounds(byte[] buf, int off, int packetLength, int macLength) throws ProtocolException {
        if (packetLength < 0 || off < 0 || (long) off + 4 + packetLength + macLength > buf.length) {
            throw new ProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "Bad packet length " + Integer.toUnsignedString(packetLength));
        }
    }

    static ProtocolException macError() {
        return new ProtocolException(DisconnectReason.MAC_ERROR, MAC_FAILED);
    }

    static ProtocolException macError(GeneralSecurityException cause) {
        return new ProtocolException(DisconnectReason.MAC_ERROR, MAC_FAILED, cause);
    }

    /** A JCA cipher from SunJCE when present (intrinsified AES), else from the default provider. */
    static Cipher cipher(String transformation) {
        try {
            Provider sun = Security.getProvider("SunJCE");
            return sun != null ? Cipher.getInstance(transformation, sun) : Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is not available in this JRE", e);
        }
    }

    /** A JCA MAC from SunJCE when present, else from the default provider. */
    static Mac mac(String algorithm) {
        try {
            Provider sun = Security.getProvider("SunJCE");
            return sun != null ? Mac.getInstance(algorithm, sun) : Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JRE", e);
        }
    }
}
