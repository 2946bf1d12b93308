package dev.skiff.ssh.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;

/**
 * Key descriptions in the format of {@code ssh-keygen -l}:
 * {@code <bits> <fingerprint> <comment or "no comment"> (<TYPE>)}, e.g.
 * {@code 256 SHA256:abc... alice@host (ED25519)}. Bits are 256 for Ed25519, the curve size for
 * ECDSA and the modulus size for RSA (OpenSSH {@code sshkey_size}).
 */
public final class KeyFingerprints {
    /** Fingerprint hash, as {@code ssh-keygen -E}. */
    public enum Hash {
        SHA256, MD5
    }

    private KeyFingerprints() {
    }

    /** The {@code ssh-keygen -l} line (without newline). */
    public static String sshKeygenLine(SshPublicKey key, String comment, Hash hash) {
        String fp = hash == Hash.MD5 ? key.md5Fingerprint() : key.sha256Fingerprint();
        String c = comment == null || comment.isEmpty() ? "no comment" : comment;
        return bits(key) + " " + fp + " " + c + " (" + typeTag(key) + ")";
    }

    /** Key size in bits as ssh-keygen reports it. */
    public static int bits(SshPublicKey key) {
        String type = key.keyType();
        if (type.equals(PublicKeys.SSH_RSA)) {
            return ((RSAPublicKey) key.jcaKey()).getModulus().bitLength();
        }
        if (type.startsWith("ecdsa-sha2-")) {
            return EcCurve.bySshName(type.substring("ecdsa-sha2-".length()))
                    .map(c -> c.params().getCurve().getField().getFieldSize()).orElse(0);
        }
        return 256;
    }

    /** ED25519, ECDSA or RSA. */
    public static String typeTag(SshPublicKey key) {
        String type = key.keyType();
        if (type.equals(PublicKeys.SSH_RSA)) {
            return "RSA";
        }
        return type.startsWith("ecdsa-sha2-") ? "ECDSA" : "ED25519";
    }

    private static final String ART_SYMBOLS = " .o+=*BOX@%&#/^SE";
    private static final int ART_WIDTH = 17;
    private static final int ART_HEIGHT = 9;

    /**
     * The visual host key of {@code ssh-keygen -lv} (OpenSSH's "drunken bishop" random art over the
     * raw SHA-256 digest of the blob): 11 lines of 19 characters joined by {@code \n}, without a
     * final newline, e.g. {@code +--[ED25519 256]--+} ... {@code +----[SHA256]-----+}.
     */
    public static String randomArt(SshPublicKey key) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(key.blob());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JCA algorithm", e);
        }
        int maxSymbol = ART_SYMBOLS.length() - 1;
        int[][] field = new int[ART_WIDTH][ART_HEIGHT];
        int x = ART_WIDTH / 2;
        int y = ART_HEIGHT / 2;
        for (byte b : digest) {
            int input = b & 0xff;
            for (int step = 0; step < 4; step++) {
                x = Math.min(Math.max(x + ((input & 1) != 0 ? 1 : -1), 0), ART_WIDTH - 1);
                y = Math.min(Math.max(y + ((input & 2) != 0 ? 1 : -1), 0), ART_HEIGHT - 1);
                if (field[x][y] < maxSymbol - 2) {
                    field[x][y]++;
                }
                input >>= 2;
            }
        }
        field[ART_WIDTH / 2][ART_HEIGHT / 2] = maxSymbol - 1;
        field[x][y] = maxSymbol;
        StringBuilder art = new StringBuilder(frame("[" + typeTag(key) + " " + bits(key) + "]")).append('\n');
        for (int row = 0; row < ART_HEIGHT; row++) {
            art.append('|');
            for (int col = 0; col < ART_WIDTH; col++) {
                art.append(ART_SYMBOLS.charAt(Math.min(field[col][row], maxSymbol)));
            }
            art.append("|\n");
        }
        return art.append(frame("[SHA256]")).toString();
    }

    /** A border line {@code +--title--+} with the title centred as OpenSSH does (extra dash right). */
    private static String frame(String title) {
        String t = title.length() > ART_WIDTH ? title.substring(0, ART_WIDTH) : title;
        int left = (ART_WIDTH - t.length()) / 2;
        return "+" + "-".repeat(left) + t + "-".repeat(ART_WIDTH - left - t.length()) + "+";
    }
}
