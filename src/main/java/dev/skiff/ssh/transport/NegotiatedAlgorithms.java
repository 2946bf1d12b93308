package dev.skiff.ssh.transport;

import dev.skiff.ssh.NoCommonAlgorithmException;
import dev.skiff.ssh.transport.msg.KexInit;
import java.util.List;

/**
 * The outcome of algorithm negotiation (RFC 4253 section 7.1): for each category the first
 * client algorithm the server also supports. MACs are empty strings when the cipher is AEAD.
 */
public record NegotiatedAlgorithms(String kex, String hostKey, String cipherClientToServer,
        String cipherServerToClient, String macClientToServer, String macServerToClient,
        String compressionClientToServer, String compressionServerToClient) {

    /** Pseudo-algorithms that signal extensions and never are negotiated. */
    static boolean isMarker(String name) {
        return name.equals("ext-info-c") || name.equals("ext-info-s") || name.startsWith("kex-strict-")
                || name.startsWith("ext-info-in-auth@");
    }

    static NegotiatedAlgorithms negotiate(KexInit client, KexInit server) throws NoCommonAlgorithmException {
        String kex = first("key exchange algorithm", client.kexAlgorithms().stream().filter(n -> !isMarker(n)).toList(),
                server.kexAlgorithms().stream().filter(n -> !isMarker(n)).toList());
        String hostKey = first("host key algorithm", client.hostKeyAlgorithms(), server.hostKeyAlgorithms());
        String encCs = first("cipher", client.ciphersClientToServer(), server.ciphersClientToServer());
        String encSc = first("cipher", client.ciphersServerToClient(), server.ciphersServerToClient());
        String macCs = isAead(encCs) ? "" : first("MAC", client.macsClientToServer(), server.macsClientToServer());
        String macSc = isAead(encSc) ? "" : first("MAC", client.macsServerToClient(), server.macsServerToClient());
        String compCs = first("compression method", client.compressionClientToServer(), server.compressionClientToServer());
        String compSc = first("compression method", client.compressionServerToClient(), server.compressionServerToClient());
        return new NegotiatedAlgorithms(kex, hostKey, encCs, encSc, macCs, macSc, compCs, compSc);
    }

    private static boolean isAead(String cipher) {
        return dev.skiff.ssh.transport.crypto.CipherAlgorithm.byName(cipher).map(c -> c.isAead()).orElse(false);
    }

    private static String first(String what, List<String> client, List<String> server) throws NoCommonAlgorithmException {
        for (String c : client) {
            if (server.contains(c)) {
                return c;
            }
        }
        throw new NoCommonAlgorithmException(what, client, server);
    }

    /**
     * RFC 4253 7.1: the peer's guessed KEX packet is right only when both the preferred KEX and host
     * key algorithms of the two sides agree.
     */
    static boolean guessIsRight(KexInit client, KexInit server) {
        return !client.kexAlgorithms().isEmpty() && !server.kexAlgorithms().isEmpty()
                && !client.hostKeyAlgorithms().isEmpty() && !server.hostKeyAlgorithms().isEmpty()
                && client.kexAlgorithms().get(0).equals(server.kexAlgorithms().get(0))
                && client.hostKeyAlgorithms().get(0).equals(server.hostKeyAlgorithms().get(0));
    }

    @Override
    public String toString() {
        return "kex=" + kex + " hostkey=" + hostKey + " cipher=" + cipherClientToServer + "/" + cipherServerToClient
                + " mac=" + describe(macClientToServer) + "/" + describe(macServerToClient)
                + " compression=" + compressionClientToServer + "/" + compressionServerToClient;
    }

    private static String describe(String mac) {
        return mac.isEmpty() ? "<implicit>" : mac;
    }
}
