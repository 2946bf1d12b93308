package dev.skiff.ssh.agent;

import static dev.skiff.ssh.agent.AgentAnswers.decode;
import static dev.skiff.ssh.agent.AgentAnswers.expectSuccess;
import static dev.skiff.ssh.agent.AgentAnswers.keyTypeOf;
import static dev.skiff.ssh.agent.AgentAnswers.refusal;

import dev.skiff.ssh.AgentException;
import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.keys.PublicKeys;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.userauth.Identity;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of an SSH agent (draft-miller-ssh-agent, now RFC 9987) over its Unix-domain socket.
 * Every method is one blocking request/answer exchange, bounded by the timeout given at connect
 * time; call them on a worker thread, never the FX thread. Thread-safe: exchanges are serialized.
 * After an I/O failure or timeout the connection is dropped and the next call reconnects.
 * All failures are {@link AgentException}s, including the agent refusing (SSH_AGENT_FAILURE).
 */
public final class AgentClient implements AutoCloseable {
    /** Environment variable naming the agent socket. */
    public static final String SSH_AUTH_SOCK = "SSH_AUTH_SOCK";
    /** Per-request timeout when none is given; generous, as an agent may ask the user to confirm. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AgentClient.class);

    private final Path path;
    private final Duration timeout;
    private AgentSocket socket;
    private boolean closed;

    private AgentClient(Path path, Duration timeout, AgentSocket socket) {
        this.path = path;
        this.timeout = timeout;
        this.socket = socket;
    }

    /**
     * The agent named by {@code SSH_AUTH_SOCK}, or empty when it is unset or blank.
     *
     * @throws AgentException when it is set but nothing answers there (a stale variable)
     */
    public static Optional<AgentClient> fromEnvironment() throws AgentException {
        return fromEnvironment(System.getenv(), DEFAULT_TIMEOUT);
    }

    /** As {@link #fromEnvironment()}, with an explicit environment and timeout. */
    public static Optional<AgentClient> fromEnvironment(Map<String, String> env, Duration timeout) throws AgentException {
        String value = env.get(SSH_AUTH_SOCK);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(connect(Path.of(value), timeout));
    }

    /** Connects to the agent socket at {@code socket} with {@link #DEFAULT_TIMEOUT}. */
    public static AgentClient connect(Path socket) throws AgentException {
        return connect(socket, DEFAULT_TIMEOUT);
    }

    /** Connects to the agent socket at {@code socket}; {@code timeout} bounds each request. */
    public static AgentClient connect(Path socket, Duration timeout) throws AgentException {
        return new AgentClient(socket, timeout, AgentSocket.open(socket, timeout));
    }

    public Path socketPath() {
        return path;
    }

    /**
     * REQUEST_IDENTITIES: the keys the agent holds, in the agent's order. Keys Skiff cannot use
     * (certificates, security keys, DSA, ...) are left out and logged at debug level.
     */
    public List<AgentIdentity> listKeys() throws AgentException {
        byte[] answer = call(EmptyAgentMessage.REQUEST_IDENTITIES.encode());
        refusal(answer, "to list its keys");
        IdentitiesAnswer decoded = decode(() -> IdentitiesAnswer.decode(answer), "REQUEST_IDENTITIES");
        List<AgentIdentity> keys = new ArrayList<>();
        for (IdentitiesAnswer.Entry e : decoded.keys()) {
            try {
                keys.add(new AgentIdentity(PublicKeys.decode(e.blob()), e.comment()));
            } catch (KeyFormatException ex) {
                LOG.debug("skipping agent key {} ({}): {}", keyTypeOf(e.blob()), e.comment(), ex.getMessage());
            }
        }
        return List.copyOf(keys);
    }

    /** The agent's usable keys as {@link Identity} adapters for publickey authentication. */
    public List<Identity> identities() throws AgentException {
        return listKeys().stream().<Identity>map(k -> new AgentKeyIdentity(this, k)).toList();
    }

    /**
     * SIGN_REQUEST: has the agent sign {@code data} with {@code key}, using the RSA flags that
     * select {@code algorithm}, and returns the signature blob (string algorithm, string signature).
     *
     * @throws AgentException if the agent refuses, or answers with a blob of another algorithm
     * @throws IllegalArgumentException if {@code algorithm} does not sign with {@code key}'s type
     */
    public byte[] sign(SshPublicKey key, SignatureAlgorithm algorithm, byte[] data) throws AgentException {
        if (!algorithm.keyType().equals(key.keyType())) {
            throw new IllegalArgumentException(algorithm.wireName() + " cannot sign with a " + key.keyType() + " key");
        }
        SignRequest request = new SignRequest(key.blob(), data, SignRequest.flagsFor(algorithm));
        byte[] answer = call(request.encode());
        refusal(answer, "to sign with " + key.keyType() + " " + key.sha256Fingerprint());
        SignResponse response = decode(() -> SignResponse.decode(answer), "SIGN_REQUEST");
        String got = decode(response::algorithm, "SIGN_REQUEST");
        if (!got.equals(algorithm.wireName())) {
            throw new AgentException("the SSH agent signed with " + got + " when asked for " + algorithm.wireName());
        }
        return response.signature();
    }

    /** ADD_IDENTITY: gives the agent {@code pair} (ed25519, ecdsa or RSA with CRT parameters). */
    public void addIdentity(SshKeyPair pair, String comment) throws AgentException {
        AddIdentity message;
        try {
            message = AddIdentity.of(pair, comment);
        } catch (KeyFormatException e) {
            throw new AgentException("cannot add the key to the SSH agent: " + e.getMessage(), e);
        }
        byte[] payload = message.encode();
        message.wipe();
        try {
            expectSuccess(call(payload), "to add the " + pair.publicKey().keyType() + " key");
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    /** REMOVE_IDENTITY: removes one key. */
    public void removeIdentity(SshPublicKey key) throws AgentException {
        expectSuccess(call(new RemoveIdentity(key.blob()).encode()), "to remove " + key.keyType() + " " + key.sha256Fingerprint());
    }

    /** REMOVE_ALL_IDENTITIES: removes every key. */
    public void removeAllIdentities() throws AgentException {
        expectSuccess(call(EmptyAgentMessage.REMOVE_ALL_IDENTITIES.encode()), "to remove all keys");
    }

    /** LOCK: locks the agent with {@code passphrase} (UTF-8); the caller wipes its array. */
    public void lock(char[] passphrase) throws AgentException {
        lockOrUnlock(true, passphrase);
    }

    /** UNLOCK: unlocks the agent; a wrong passphrase is a refusal. */
    public void unlock(char[] passphrase) throws AgentException {
        lockOrUnlock(false, passphrase);
    }

    private void lockOrUnlock(boolean lock, char[] passphrase) throws AgentException {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        Arrays.fill(utf8.array(), (byte) 0);
        AgentLock message = new AgentLock(lock, bytes);
        Arrays.fill(bytes, (byte) 0);
        byte[] payload = message.encode();
        message.wipe();
        try {
            expectSuccess(call(payload), lock ? "to lock" : "to unlock");
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    private byte[] call(byte[] payload) throws AgentException {
        AgentSocket s;
        synchronized (this) {
            if (closed) {
                throw new AgentException("the SSH agent client for " + path + " is closed");
            }
            if (socket == null || !socket.isOpen()) {
                socket = AgentSocket.open(path, timeout);
            }
            s = socket;
        }
        return s.request(payload);
    }

    /** Closes the connection; identities from this client stop working. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (socket != null) {
            socket.close();
        }
    }
}
