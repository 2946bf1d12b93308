package dev.skiff.ssh.interop;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.knownhosts.KnownHostsVerifier;
import dev.skiff.ssh.knownhosts.StrictHostKeyChecking;
import dev.skiff.ssh.transport.AlgorithmLists;
import dev.skiff.ssh.transport.Transport;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.ssh.transport.msg.KexInit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Connects Skiff's client to a real peer with a known_hosts file holding the peer's keys. */
final class PeerMatrix {
    final String host;
    final int port;
    final Path knownHosts;
    final KexInit offer;

    PeerMatrix(String host, int port, String knownHostsText, Path dir) throws IOException {
        this(host, port, knownHostsText, dir, true);
    }

    /** With {@code probe}, one handshake first records what the peer offers. */
    PeerMatrix(String host, int port, String knownHostsText, Path dir, boolean probe) throws IOException {
        this.host = host;
        this.port = port;
        this.knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, knownHostsText);
        if (probe) {
            try (Transport t = SshClient.handshake(ConnectSpec.of(host, port), base().hostKeyAlgorithms("+ssh-rsa").build())) {
                offer = t.peerKexInit();
            }
        } else {
            offer = null;
        }
    }

    static TransportConfig.Builder base() {
        return TransportConfig.builder().kexTimeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofSeconds(30))
                .connectTimeout(Duration.ofSeconds(10));
    }

    /** Connects with host key checking against the fixture's keys (StrictHostKeyChecking yes). */
    SshConnection connect(TransportConfig config) throws SshException {
        KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(knownHosts), StrictHostKeyChecking.YES, null);
        return SshClient.connect(ConnectSpec.of(host, port), SshClientConfig.of(config, verifier));
    }

    /** Our supported algorithms the peer also offers, in our order. */
    static List<String> common(List<String> ours, List<String> theirs) {
        List<String> l = new ArrayList<>(ours);
        l.retainAll(theirs);
        return l;
    }

    List<String> kex() {
        return common(AlgorithmLists.SUPPORTED_KEX, offer.kexAlgorithms());
    }

    List<String> hostKeys() {
        return common(AlgorithmLists.SUPPORTED_HOST_KEY, offer.hostKeyAlgorithms());
    }

    List<String> ciphers() {
        return common(AlgorithmLists.SUPPORTED_CIPHERS, offer.ciphersServerToClient());
    }

    List<String> macs() {
        return common(AlgorithmLists.SUPPORTED_MACS, offer.macsServerToClient());
    }

    /** Every cipher x MAC pair; AEAD ciphers once (their MAC is implicit). */
    List<String[]> cipherMacPairs() {
        List<String[]> pairs = new ArrayList<>();
        for (String c : ciphers()) {
            boolean aead = dev.skiff.ssh.transport.crypto.CipherAlgorithm.byName(c).orElseThrow().isAead();
            for (String m : aead ? List.of(macs().get(0)) : macs()) {
                pairs.add(new String[] {c, m});
            }
        }
        return pairs;
    }
}
