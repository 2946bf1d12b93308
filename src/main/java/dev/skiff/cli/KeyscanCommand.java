package dev.skiff.cli;

import dev.skiff.ssh.ConnectFailedException;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.transport.NegotiatedAlgorithms;
import dev.skiff.ssh.transport.Transport;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.ssh.transport.msg.KexInit;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code skiff keyscan}: like OpenSSH's ssh-keyscan, prints known_hosts lines for the host keys of
 * each host; one connection per key type. Exit 0 when at least one key was fetched.
 */
@Command(name = "keyscan", mixinStandardHelpOptions = true,
        description = "Print the SSH host keys of hosts as known_hosts lines (like ssh-keyscan).")
public final class KeyscanCommand implements Callable<Integer> {
    /** Key type names of -t and the host key algorithms offered for each. */
    static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("rsa", List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"));
        TYPES.put("ecdsa", List.of("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"));
        TYPES.put("ed25519", List.of("ssh-ed25519"));
    }

    @Spec
    CommandSpec spec;

    @Option(names = "-p", paramLabel = "port", description = "Port to connect to (default 22).")
    int port = 22;

    @Option(names = "-t", paramLabel = "type", split = ",",
            description = "Key types to fetch: rsa, ecdsa, ed25519 (default all).")
    List<String> types = new ArrayList<>();

    @Option(names = "-T", paramLabel = "timeout", description = "Timeout in seconds for each connection (default 5).")
    int timeoutSeconds = 5;

    @Option(names = "-o", paramLabel = "option=value",
            description = "KexAlgorithms, Ciphers, MACs, HostKeyAlgorithms, Compression or ConnectTimeout, OpenSSH syntax.")
    List<String> options = new ArrayList<>();

    @Option(names = "-v", description = "Verbose: print what each server offered and what was negotiated.")
    boolean verbose;

    @Option(names = "-q", description = "Quiet: no comment lines on stderr.")
    boolean quiet;

    @Parameters(paramLabel = "host", arity = "1..*", description = "Hosts to scan.")
    List<String> hosts = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TransportConfig base;
        List<String> hostKeyFilter;
        try {
            SshOptions opts = SshOptions.parse(options);
            base = opts.apply(TransportConfig.builder()
                    .connectTimeout(Duration.ofSeconds(timeoutSeconds))
                    .kexTimeout(Duration.ofSeconds(timeoutSeconds))
                    .requestTimeout(Duration.ofSeconds(timeoutSeconds))).build();
            hostKeyFilter = opts.hostKeyAlgorithms() == null ? null : base.hostKeyAlgorithms();
            for (String t : types) {
                if (!TYPES.containsKey(t)) {
                    throw new IllegalArgumentException("unknown key type " + t + " (use rsa, ecdsa or ed25519)");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("skiff keyscan: " + e.getMessage());
            err.flush();
            return 2;
        }
        int found = 0;
        for (String host : hosts) {
            boolean reachable = true;
            for (Map.Entry<String, List<String>> e : TYPES.entrySet()) {
                if (!reachable) {
                    break;
                }
                if (!types.isEmpty() && !types.contains(e.getKey())) {
                    continue;
                }
                List<String> algs = new ArrayList<>(e.getValue());
                if (hostKeyFilter != null) {
                    algs = hostKeyFilter.stream().filter(algs::contains).toList();
                } else {
                    algs.remove("ssh-rsa");
                    algs = List.copyOf(algs);
                }
                if (algs.isEmpty()) {
                    continue;
                }
                TransportConfig cfg = base.toBuilder().hostKeyAlgorithmList(algs).build();
                int result = scan(host, cfg, out, err);
                reachable = result >= 0;
                found += Math.max(0, result);
            }
        }
        out.flush();
        err.flush();
        return found > 0 ? 0 : 1;
    }

    /** Returns 1 when a key was printed, 0 when not, -1 when the host cannot be reached at all. */
    private int scan(String host, TransportConfig cfg, PrintWriter out, PrintWriter err) {
        ConnectSpec target = ConnectSpec.of(host, port);
        Transport t;
        try {
            t = SshClient.handshake(target, cfg);
        } catch (ConnectFailedException e) {
            err.println(host + ":" + port + ": " + e.getMessage());
            return -1;
        } catch (SshException e) {
            err.println(host + ":" + port + ": " + e.getMessage());
            return 0;
        }
        try {
            if (verbose) {
                t.requestService("ssh-userauth");
            }
            SshPublicKey key = t.serverHostKey();
            if (!quiet) {
                err.println("# " + host + ":" + port + " " + t.serverVersion());
            }
            if (verbose) {
                describe(t, err);
            }
            err.flush();
            out.println(target.displayName() + " " + key.toOpenSshString());
            out.flush();
            return 1;
        } catch (SshException e) {
            err.println(host + ":" + port + ": " + e.getMessage());
            return 0;
        } finally {
            t.disconnect(DisconnectReason.BY_APPLICATION, "keyscan done");
        }
    }

    private static void describe(Transport t, PrintWriter err) {
        KexInit offer = t.peerKexInit();
        NegotiatedAlgorithms n = t.negotiated();
        err.println("#   server offered kex: " + String.join(",", offer.kexAlgorithms()));
        err.println("#   server offered host key: " + String.join(",", offer.hostKeyAlgorithms()));
        err.println("#   server offered ciphers: " + String.join(",", offer.ciphersServerToClient()));
        err.println("#   server offered MACs: " + String.join(",", offer.macsServerToClient()));
        err.println("#   server offered compression: " + String.join(",", offer.compressionServerToClient()));
        err.println("#   negotiated kex: " + n.kex());
        err.println("#   negotiated host key: " + n.hostKey());
        err.println("#   negotiated cipher: " + n.cipherClientToServer() + " / " + n.cipherServerToClient());
        err.println("#   negotiated MAC: " + mac(n.macClientToServer()) + " / " + mac(n.macServerToClient()));
        err.println("#   negotiated compression: " + n.compressionClientToServer() + " / " + n.compressionServerToClient());
        err.println("#   strict kex: " + (t.strictKex() ? "yes" : "no"));
        err.println("#   server-sig-algs: " + (t.serverSigAlgs().isEmpty() ? "(none)" : String.join(",", t.serverSigAlgs())));
    }

    private static String mac(String m) {
        return m.isEmpty() ? "<implicit>" : m;
    }
}
