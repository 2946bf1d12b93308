package dev.skiff.ssh.config;

import dev.skiff.ssh.knownhosts.StrictHostKeyChecking;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective ssh_config settings for one destination, after command-line options, the
 * configuration files and OpenSSH's defaults. Immutable. Paths are expanded ({@code ~},
 * {@code %} tokens, {@code ${VAR}}) where OpenSSH expands them; {@code ProxyCommand} and
 * {@code LocalCommand} are kept as written, with {@link #expandedProxyCommand()} for the former.
 *
 * @param host the destination as given ({@code %n}); {@code Host} patterns matched this
 * @param hostName the host to connect to ({@code HostName} with {@code %h}, lower case unless an address)
 * @param user the remote user (the local user by default)
 * @param port the remote port (22 by default)
 * @param identityFiles private key files to try, expanded, in order (OpenSSH's default list if none is configured)
 * @param identityFileSpecs the same as written (how {@code ssh -G} prints them)
 * @param certificateFiles certificate files, expanded
 * @param certificateFileSpecs the same as written
 * @param identitiesOnly use only the configured identities, not every agent key
 * @param identityAgent agent socket ({@code none} disables, {@code SSH_AUTH_SOCK} means the environment variable)
 * @param addKeysToAgent whether to add loaded keys to the agent (stored only)
 * @param proxyJump jump hosts, first hop first; empty for a direct connection
 * @param proxyCommand command whose stdin/stdout carry the connection, as written
 * @param expandedProxyCommand the same with {@code %h %n %p %r %%} expanded
 * @param localForwards {@code LocalForward}s in order
 * @param remoteForwards {@code RemoteForward}s in order (dynamic ones have no connect side)
 * @param dynamicForwards {@code DynamicForward}s (SOCKS) in order
 * @param serverAliveInterval keepalive interval; zero disables keepalives
 * @param serverAliveCountMax unanswered keepalives before disconnecting
 * @param ciphers cipher preference, resolved against Skiff's supported algorithms
 * @param kexAlgorithms key exchange preference, resolved likewise
 * @param macs MAC preference, resolved likewise
 * @param hostKeyAlgorithms host key algorithm preference, resolved likewise
 * @param hostKeyAlias name to look the host key up under instead of the host name
 * @param userKnownHostsFiles user known_hosts files, expanded; empty for {@code none}
 * @param globalKnownHostsFiles system known_hosts files, {@code ~} expanded; empty for {@code none}
 * @param strictHostKeyChecking what to do with unknown host keys
 * @param hashKnownHosts hash host names when adding known_hosts entries
 * @param connectTimeout TCP connect timeout; empty for the system default
 * @param connectionAttempts connection attempts (one per second) before giving up
 * @param forwardAgent forward the authentication agent
 * @param forwardAgentSocket socket to forward instead of {@code SSH_AUTH_SOCK}, expanded
 * @param compression request zlib compression
 * @param sendEnv environment variable name patterns to send
 * @param setEnv variables to set on the server, in order
 * @param requestTty whether to request a pseudo-terminal
 * @param preferredAuthentications authentication method order; empty for the default
 * @param pubkeyAuthentication try public key authentication
 * @param passwordAuthentication try password authentication
 * @param kbdInteractiveAuthentication try keyboard-interactive authentication
 * @param numberOfPasswordPrompts password prompts before giving up
 * @param batchMode never ask the user anything
 * @param logLevel verbosity
 * @param controlPath multiplexing socket, expanded (stored only)
 * @param localCommand command to run locally after connecting, as written (stored only)
 * @param forwardX11 forward X11 connections to the local display ({@code ssh -X})
 * @param forwardX11Trusted trusted X11 forwarding ({@code ssh -Y}); yes by default, as in Debian's ssh
 * @param xauthLocation the xauth program, as written
 * @param exitOnForwardFailure a forward that cannot be set up fails the connection instead of a warning
 */
public record HostConfig(
        String host, String hostName, String user, int port,
        List<Path> identityFiles, List<String> identityFileSpecs,
        List<Path> certificateFiles, List<String> certificateFileSpecs,
        boolean identitiesOnly, Optional<String> identityAgent, AddKeysToAgent addKeysToAgent,
        List<Destination> proxyJump, Optional<String> proxyCommand, Optional<String> expandedProxyCommand,
        List<Forward> localForwards, List<Forward> remoteForwards, List<Forward> dynamicForwards,
        Duration serverAliveInterval, int serverAliveCountMax,
        List<String> ciphers, List<String> kexAlgorithms, List<String> macs, List<String> hostKeyAlgorithms,
        Optional<String> hostKeyAlias, List<Path> userKnownHostsFiles, List<Path> globalKnownHostsFiles,
        StrictHostKeyChecking strictHostKeyChecking, boolean hashKnownHosts,
        Optional<Duration> connectTimeout, int connectionAttempts,
        boolean forwardAgent, Optional<String> forwardAgentSocket, boolean compression,
        List<String> sendEnv, Map<String, String> setEnv, RequestTty requestTty,
        List<String> preferredAuthentications, boolean pubkeyAuthentication, boolean passwordAuthentication,
        boolean kbdInteractiveAuthentication, int numberOfPasswordPrompts, boolean batchMode,
        LogLevel logLevel, Optional<String> controlPath, Optional<String> localCommand,
        boolean forwardX11, boolean forwardX11Trusted, String xauthLocation,
        boolean exitOnForwardFailure) {

    /** Copies every collection so the record is deeply immutable. */
    public HostConfig {
        identityFiles = List.copyOf(identityFiles);
        identityFileSpecs = List.copyOf(identityFileSpecs);
        certificateFiles = List.copyOf(certificateFiles);
        certificateFileSpecs = List.copyOf(certificateFileSpecs);
        proxyJump = List.copyOf(proxyJump);
        localForwards = List.copyOf(localForwards);
        remoteForwards = List.copyOf(remoteForwards);
        dynamicForwards = List.copyOf(dynamicForwards);
        ciphers = List.copyOf(ciphers);
        kexAlgorithms = List.copyOf(kexAlgorithms);
        macs = List.copyOf(macs);
        hostKeyAlgorithms = List.copyOf(hostKeyAlgorithms);
        userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
        globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
        sendEnv = List.copyOf(sendEnv);
        setEnv = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(setEnv));
        preferredAuthentications = List.copyOf(preferredAuthentications);
    }

    /** Whether keepalives are enabled ({@code ServerAliveInterval} &gt; 0). */
    public boolean keepaliveEnabled() {
        return !serverAliveInterval.isZero();
    }

    /** Whether the connection goes through {@code ProxyJump} or {@code ProxyCommand}. */
    public boolean proxied() {
        return !proxyJump.isEmpty() || proxyCommand.isPresent();
    }
}
