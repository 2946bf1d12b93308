package dev.skiff.ssh.userauth;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireWriter;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code publickey} method (RFC 4252 section 7): first a query without signature (so that an
 * agent or a passphrase prompt is only bothered for keys the server accepts), then, after
 * USERAUTH_PK_OK, the request signed over session identifier + request. RSA keys sign with
 * rsa-sha2-512 or rsa-sha2-256 when the server lists them in {@code server-sig-algs}
 * (RFC 8332 section 3.3), else ssh-rsa.
 *
 * <p>On the server (OpenSSH), a refused query costs one MaxAuthTries attempt; an accepted query
 * costs nothing; a signed request that fails costs one. So one identity costs at most one.
 */
final class PublicKeyAuth {
    private PublicKeyAuth() {
    }

    /** Returns {@link UserauthSuccess} or the {@link UserauthFailure}. Worker thread; blocks. */
    static AuthReply attempt(UserAuthClient c, Identity key) throws SshException {
        String alg = algorithmFor(key.publicKey().keyType(), c.transport().serverSigAlgs());
        SignatureAlgorithm sigAlg = SignatureAlgorithm.byName(alg)
                .orElseThrow(() -> new SshException("no signature algorithm for " + key.description() + " (" + alg + ")"));
        byte[] blob = key.publicKey().blob();
        c.request("publickey", new WireWriter().bool(false).utf8(alg).string(blob).toByteArray(),
                AuthState.PUBLICKEY_QUERY);
        AuthReply reply = c.await();
        if (!(reply instanceof UserauthPkOk ok)) {
            return reply;
        }
        if (!ok.algorithm().equals(alg) || !Arrays.equals(ok.publicKey(), blob)) {
            throw new ProtocolException("USERAUTH_PK_OK for another key");
        }
        byte[] signed = new WireWriter(512).string(c.transport().sessionId()).byteValue(SshMessages.USERAUTH_REQUEST)
                .utf8(c.user()).utf8(UserAuthClient.SERVICE).utf8("publickey").bool(true).utf8(alg).string(blob)
                .toByteArray();
        byte[] signature;
        try {
            signature = key.sign(sigAlg, signed);
        } catch (KeyFormatException e) {
            throw new SshException("signing with " + key.description() + " failed: " + e.getMessage(), e);
        }
        c.request("publickey", new WireWriter(1024).bool(true).utf8(alg).string(blob).string(signature).toByteArray(),
                AuthState.PUBLICKEY_SIGNED);
        return c.await();
    }

    /** rsa-sha2-512 / -256 when the server lists them in server-sig-algs (RFC 8332 3.3), else the key type. */
    static String algorithmFor(String keyType, List<String> serverSigAlgs) {
        if (!keyType.equals("ssh-rsa")) {
            return keyType;
        }
        for (String a : List.of("rsa-sha2-512", "rsa-sha2-256")) {
            if (serverSigAlgs.contains(a)) {
                return a;
            }
        }
        return "ssh-rsa";
    }
}
