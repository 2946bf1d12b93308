package dev.skiff.ssh.transport.crypto;

import dev.skiff.ssh.ProtocolException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * aes128-gcm@openssh.com and aes256-gcm@openssh.com (RFC 5647 as OpenSSH implements it).
 *
 * <p>Wire layout: {@code uint32 packet_length} in the clear (the AAD), then
 * {@code AES-GCM(padding_length || payload || padding)}, then the 16-byte tag. The 12-byte nonce
 * is the 4-byte fixed field followed by the 8-byte invocation counter, which is incremented as a
 * 64-bit big-endian integer after every packet (RFC 5647 section 7.1). The MAC algorithm
 * negotiated alongside is ignored.
 *
 * <p>The JCA cipher is re-initialised per packet; on decryption SunJCE checks the tag before it
 * releases any plaintext into the buffer.
 */
final class AesGcmProtection implements PacketProtection {
    private static final int TAG_LENGTH = 16;

    private final SessionKey key;
    private final byte[] iv;
    private final boolean encrypt;
    private final Cipher cipher = Packets.cipher("AES/GCM/NoPadding");

    AesGcmProtection(byte[] key, byte[] iv, boolean encrypt) {
        this.key = new SessionKey("AES", key, 0, key.length);
        this.iv = iv.clone();
        this.encrypt = encrypt;
    }

    @Override
    public int blockSize() {
        return 16;
    }

    @Override
    public int macLength() {
        return TAG_LENGTH;
    }

    @Override
    public boolean lengthExcludedFromAlignment() {
        return true;
    }

    @Override
    public int firstBlockLength() {
        return 4;
    }

    @Override
    public void seal(int seq, byte[] buf, int off, int len) {
        if (!encrypt) {
            throw new IllegalStateException("this protection decrypts");
        }
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            cipher.updateAAD(buf, off, 4);
            cipher.doFinal(buf, off + 4, len - 4, buf, off + 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed with a valid key", e);
        } finally {
            incrementCounter();
        }
    }

    @Override
    public int packetLength(int seq, byte[] buf, int off) {
        return Packets.readUint32(buf, off);
    }

    @Override
    public void open(int seq, byte[] buf, int off, int packetLength) throws ProtocolException {
        if (encrypt) {
            throw new IllegalStateException("this protection encrypts");
        }
        Packets.checkBounds(buf, off, packetLength, TAG_LENGTH);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            cipher.updateAAD(buf, off, 4);
            cipher.doFinal(buf, off + 4, packetLength + TAG_LENGTH, buf, off + 4);
        } catch (AEADBadTagException e) {
            throw Packets.macError();
        } catch (GeneralSecurityException e) {
            throw Packets.macError(e);
        } finally {
            incrementCounter();
        }
    }

    @Override
    public void destroy() {
        key.destroy();
        Arrays.fill(iv, (byte) 0);
    }

    /** invocation_counter (iv bytes 4..11) += 1, big-endian, wrapping at 2^64. */
    private void incrementCounter() {
        for (int i = iv.length - 1; i >= 4; i--) {
            if (++iv[i] != 0) {
                return;
            }
        }
    }
}
