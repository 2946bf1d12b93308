package dev.skiff.ssh.transport;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.PeerDisconnectedException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.transport.crypto.CipherAlgorithm;
import dev.skiff.ssh.transport.msg.Debug;
import dev.skiff.ssh.transport.msg.Disconnect;
import dev.skiff.ssh.transport.msg.ExtInfo;
import dev.skiff.ssh.transport.msg.GlobalRequest;
import dev.skiff.ssh.transport.msg.Ignore;
import dev.skiff.ssh.transport.msg.RequestSuccess;
import dev.skiff.ssh.transport.msg.ServiceAccept;
import dev.skiff.ssh.transport.msg.ServiceRequest;
import dev.skiff.ssh.transport.msg.Unimplemented;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH transport layer (RFC 4253) for either role: version exchange, binary packets, key
 * exchange and rekeying, service requests, global requests, keepalive.
 *
 * <p>Threads (DESIGN.md section 4): one daemon reader thread {@code ssh-read-N} reads, decrypts,
 * dispatches and runs the key exchange; any thread may {@link #send}; one leaf lock covers
 * encode + encrypt + write. While a key exchange is under way, non-KEX packets are queued and
 * flushed after our NEWKEYS. When the transport dies, every pending future fails with the cause.
 */
public final class Transport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final Role role;
    private final TransportConfig config;
    private final SshIo io;
    private final PacketCodec codec;
    private final List<SshKeyPair> hostKeys;
    private final KexDriver kex;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final AtomicBoolean rekeyDeferred = new AtomicBoolean(); // a rekey came due under a caller's send lock
    private final ArrayDeque<Outgoing> queued = new ArrayDeque<>();
    private final GlobalRequests globals = new GlobalRequests();
    private final CompletableFuture<Void> firstKex = new CompletableFuture<>();
    private final CompletableFuture<Throwable> closedFuture = new CompletableFuture<>();
    private final Thread reader;
    private final Keepalive keepalive;

    private volatile boolean kexBlocksSending;
    private volatile Throwable failure;
    private volatile boolean closing;
    private volatile MessageHandler messageHandler;
    private volatile Map<String, byte[]> extInfo = Map.of();
    private volatile String peerVersion;
    private volatile List<String> acceptedServices = List.of();
    private CompletableFuture<Void> pendingKex;
    private CompletableFuture<String> pendingService;
    private volatile long sentBytesAtKex;
    private volatile long sentPacketsAtKex;
    private volatile long recvBytesAtKex;
    private volatile long recvPacketsAtKex;
    private final java.util.concurrent.atomic.AtomicBoolean shutdownStarted = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long kexTimeNanos = System.nanoTime();
    private volatile long lastReceiveNanos = System.nanoTime();
    private volatile boolean authenticated;

    private Transport(Role role, SshIo io, TransportConfig config, List<SshKeyPair> hostKeys) {
        this.role = role;
        this.io = io;
        this.config = config;
        this.hostKeys = List.copyOf(hostKeys);
        this.codec = new PacketCodec(io.in(), io.out());
        this.kex = new KexDriver(this, role);
        this.reader = new Thread(this::readLoop, "ssh-read-" + IDS.incrementAndGet() + "-" + io.peer());
        this.reader.setDaemon(true);
        this.keepalive = new Keepalive(this);
    }

    /** A client transport over {@code io}; call {@link #start()}. */
    public static Transport client(SshIo io, TransportConfig config) {
        return new Transport(Role.CLIENT, io, config, List.of());
    }

    /** A server transport presenting {@code hostKeys}; call {@link #start()}. */
    public static Transport server(SshIo io, TransportConfig config, List<SshKeyPair> hostKeys) {
        if (hostKeys.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one host key");
        }
        return new Transport(Role.SERVER, io, config, hostKeys);
    }

    /**
     * Sends our identification, starts the reader thread and waits for the first key exchange to
     * complete (bounded by {@link TransportConfig#kexTimeout()}). Blocks the calling thread. On any
     * failure the transport is closed.
     */
    public void start() throws TransportException {
        try {
            VersionExchange.send(io.out(), config.softwareVersion());
        } catch (IOException e) {
            close();
            throw new TransportException("sending the SSH identification to " + io.peer() + " failed: " + e.getMessage(), e);
        }
        reader.start();
        Waits.await(firstKex, config.kexTimeout(), "key exchange with " + io.peer(), this);
        keepalive.start();
    }

    private void readLoop() {
        try {
            VersionExchange.Result v = VersionExchange.receive(io.in(), role == Role.CLIENT);
            peerVersion = v.peerVersion();
            kex.requestKex();
            while (!closing) {
                PacketCodec.Payload packet = codec.readPayload();
                lastReceiveNanos = System.nanoTime();
                keepalive.received();
                MessageHandler h = messageHandler;
                int id = packet.id();
                if ((id == SshMessages.CHANNEL_DATA || id == SshMessages.CHANNEL_EXTENDED_DATA) && h != null
                        && kex.completedCount() > 0 && !kex.peerKexInitSeen()) {
                    h.handleData(packet.buf(), packet.off(), packet.len()); // zero-copy path for bulk data
                } else {
                    dispatch(packet.off() == 0 && packet.len() == packet.buf().length ? packet.buf() : packet.copy());
                }
                if (needsRekey(codec.bytesReceived() - recvBytesAtKex, codec.packetsReceived() - recvPacketsAtKex)) {
                    kex.requestKex();
                }
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void dispatch(byte[] payload) throws IOException {
        int id = payload[0] & 0xff;
        boolean duringKex = kex.peerKexInitSeen();
        if (id == SshMessages.DISCONNECT) {
            Disconnect d = Disconnect.decode(payload);
            throw new PeerDisconnectedException(DisconnectReason.of(d.reasonCode()),
                    "peer disconnected: " + VersionExchange.printable(d.description())
                            + " (" + DisconnectReason.of(d.reasonCode()) + ")");
        }
        if (kex.isInitial() && kex.isStrict() && (id < 20 || id > 49)) {
            throw new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                    "strict KEX violation: " + SshMessages.name(id) + " during the initial key exchange");
        }
        if (id >= 20 && id <= 49) {
            kex.onMessage(id, payload);
            return;
        }
        if (kex.completedCount() == 0 && id > 4) {
            throw new ProtocolException(SshMessages.name(id) + " before the first key exchange completed");
        }
        if (duringKex && id > 4) {
            throw new ProtocolException(SshMessages.name(id) + " in the middle of a key exchange");
        }
        switch (id) {
            case SshMessages.IGNORE -> Ignore.decode(payload);
            case SshMessages.DEBUG -> {
                Debug d = Debug.decode(payload);
                LOG.debug("peer debug message: {}", VersionExchange.printable(d.message()));
            }
            case SshMessages.UNIMPLEMENTED -> onUnimplemented(Unimplemented.decode(payload));
            case SshMessages.EXT_INFO -> extInfo = ExtInfo.decode(payload).extensions();
            case SshMessages.SERVICE_ACCEPT -> onServiceAccept(ServiceAccept.decode(payload));
            case SshMessages.SERVICE_REQUEST -> onServiceRequest(ServiceRequest.decode(payload));
            case SshMessages.GLOBAL_REQUEST -> onGlobalRequest(GlobalRequest.decode(payload));
            case SshMessages.REQUEST_SUCCESS -> globals.reply(Optional.of(RequestSuccess.decode(payload).data()));
            case SshMessages.REQUEST_FAILURE -> globals.reply(Optional.empty());
            default -> {
                MessageHandler h = messageHandler;
                if (h != null && id >= 50) {
                    h.handle(id, payload);
                } else {
                    send(new Unimplemented(Integer.toUnsignedLong(codec.lastReceivedSequence())).encode());
                }
            }
        }
    }

    private void onServiceAccept(ServiceAccept m) throws ProtocolException {
        CompletableFuture<String> f;
        synchronized (this) {
            f = pendingService;
            pendingService = null;
        }
        if (f == null) {
            throw new ProtocolException("unexpected SERVICE_ACCEPT for " + m.service());
        }
        f.complete(m.service());
    }

    private void onServiceRequest(ServiceRequest m) throws IOException {
        if (role != Role.SERVER || !acceptedServices.contains(m.service())) {
            disconnect(DisconnectReason.SERVICE_NOT_AVAILABLE, "service not available: " + m.service());
            throw new ProtocolException(DisconnectReason.SERVICE_NOT_AVAILABLE,
                    "peer requested unavailable service " + VersionExchange.printable(m.service()));
        }
        send(new ServiceAccept(m.service()).encode());
    }

    private void onGlobalRequest(GlobalRequest r) throws IOException {
        byte[] reply = globals.handler().handle(r);
        if (r.wantReply()) {
            send(reply == null ? new byte[] {SshMessages.REQUEST_FAILURE} : new RequestSuccess(reply).encode());
        }
    }

    /** UNIMPLEMENTED: our re-exchange refused, a global request not understood, or just logged. */
    private void onUnimplemented(Unimplemented u) throws IOException {
        if (kex.onUnimplemented(u.sequenceNumber())) {
            kexRefused();
        } else if (!globals.unimplemented(u.sequenceNumber())) {
            LOG.debug("peer did not implement our packet {}", u.sequenceNumber());
        }
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends one payload (message number first). Queued while a key exchange is under way.
     * Any thread; does not wait for the peer.
     *
     * @throws TransportException when the transport is closed or the write fails
     */
    public void send(byte[] payload) throws TransportException {
        send(new Outgoing(payload, null, false));
    }

    /**
     * Sends a payload of {@code length} bytes that {@code filler} writes straight into the packet
     * buffer (channel data without intermediate copies). The filler runs under the send lock, or
     * at once into a queued copy while a key exchange is under way.
     */
    public void send(int length, PacketCodec.PayloadFiller filler) throws TransportException {
        send(new Outgoing(null, null, false, length, filler));
    }

    /**
     * Sends a payload that holds a secret (USERAUTH_REQUEST with a password, INFO_RESPONSE) and
     * zeroes the array once it is encrypted and written, also when it waited in the KEX queue.
     * The caller must not use {@code payload} afterwards.
     */
    public void sendSecret(byte[] payload) throws TransportException {
        send(new Outgoing(payload, null, true));
    }

    private void send(Outgoing o) throws TransportException {
        boolean rekey = false;
        sendLock.lock();
        try {
            checkOpen();
            if (kexBlocksSending) {
                queued.add(o.materialize());
                return;
            }
            write(o);
            rekey = needsRekey(codec.bytesSent() - sentBytesAtKex, codec.packetsSent() - sentPacketsAtKex);
        } catch (IOException e) {
            throw writeFailed(e);
        } finally {
            sendLock.unlock();
        }
        if (rekey) {
            if (sendLock.isHeldByCurrentThread()) {
                // a caller holds the send lock around this send: the KEX driver's lock must never be
                // taken under it (the reader takes the driver's, then the send lock), so the caller
                // asks once it lets go (requestDeferredRekey)
                rekeyDeferred.set(true);
                return;
            }
            try {
                kex.requestKex();
            } catch (IOException e) {
                throw writeFailed(e);
            }
        }
    }

    /**
     * After releasing a send lock held around {@link #send}: starts the rekey that became due
     * meanwhile. A failure to send KEXINIT fails the transport (every pending request gets it).
     */
    private void requestDeferredRekey() {
        if (!sendLock.isHeldByCurrentThread() && rekeyDeferred.getAndSet(false)) {
            try {
                kex.requestKex();
            } catch (IOException e) {
                writeFailed(e);
            }
        }
    }

    /** A payload to send, and who wants to know its sequence number. */
    private record Outgoing(byte[] payload, GlobalRequests.Pending pending, boolean secret, int fillLength,
            PacketCodec.PayloadFiller filler) {
        Outgoing(byte[] payload, GlobalRequests.Pending pending, boolean secret) {
            this(payload, pending, secret, 0, null);
        }

        /** Queued during a key exchange: a filler must own its bytes by then. */
        Outgoing materialize() {
            if (filler == null) {
                return this;
            }
            byte[] p = new byte[fillLength];
            filler.fill(p, 0);
            return new Outgoing(p, pending, secret);
        }
    }

    private void write(Outgoing o) throws IOException {
        if (o.pending() != null) {
            o.pending().seq = Integer.toUnsignedLong(codec.sendSequence());
        }
        try {
            if (o.filler() != null) {
                codec.write(o.fillLength(), o.filler());
                return;
            }
            codec.write(o.payload(), 0, o.payload().length);
        } finally {
            if (o.secret()) {
                java.util.Arrays.fill(o.payload(), (byte) 0);
            }
        }
    }

    private TransportException writeFailed(IOException e) {
        if (e instanceof TransportException te) {
            return te;
        }
        TransportException te = new TransportException("write to " + io.peer() + " failed: " + e.getMessage(), e);
        fail(te);
        return te;
    }

    /** Whether this much traffic under the current keys calls for a rekey (volume or packet count). */
    private boolean needsRekey(long bytes, long packets) {
        // Like OpenSSH, no automatic rekeying before user authentication (sshd refuses it then).
        if (!authenticated || kex.completedCount() == 0 || kex.inProgress()) {
            return false;
        }
        NegotiatedAlgorithms n = kex.negotiated();
        long cipherLimit = Math.min(CipherAlgorithm.byName(n.cipherClientToServer()).orElseThrow().rekeyByteLimit(),
                CipherAlgorithm.byName(n.cipherServerToClient()).orElseThrow().rekeyByteLimit());
        long limit = Math.min(config.rekeyBytes(), cipherLimit);
        return bytes >= limit || packets >= config.rekeyPackets();
    }

    boolean rekeyTimeDue() {
        return authenticated && kex.completedCount() > 0 && !kex.inProgress()
                && System.nanoTime() - kexTimeNanos >= config.rekeyTime().toNanos();
    }

    /** Called by the KEX driver: KEXINIT goes out and blocks other outgoing traffic. */
    /** Called by the KEX driver: KEXINIT goes out and blocks other outgoing traffic; returns its sequence number. */
    long sendKexInit(byte[] payload) throws IOException {
        sendLock.lock();
        try {
            checkOpen();
            kexBlocksSending = true;
            long seq = Integer.toUnsignedLong(codec.sendSequence());
            codec.write(payload, 0, payload.length);
            return seq;
        } finally {
            sendLock.unlock();
        }
    }

    /**
     * The peer answered our KEXINIT with UNIMPLEMENTED (OpenSSH does before authentication): the
     * re-exchange did not start; traffic resumes under the current keys and the rekey future fails.
     */
    void kexRefused() throws IOException {
        sendLock.lock();
        try {
            kexBlocksSending = false;
            while (!queued.isEmpty()) {
                write(queued.poll());
            }
        } finally {
            sendLock.unlock();
        }
        CompletableFuture<Void> f;
        synchronized (this) {
            f = pendingKex;
            pendingKex = null;
        }
        if (f != null) {
            f.completeExceptionally(new TransportException("the server refused a key re-exchange"
                    + (authenticated ? "" : " before authentication")));
        }
    }

    void sendKexPacket(byte[] payload) throws IOException {
        sendLock.lock();
        try {
            checkOpen();
            codec.write(payload, 0, payload.length);
        } finally {
            sendLock.unlock();
        }
    }

    /** NEWKEYS with the old keys, switch to the new ones, then flush what was queued meanwhile. */
    void sendNewKeys(byte[] newKeys, NewKeysInstaller.Direction out, boolean resetSeq) throws IOException {
        sendLock.lock();
        try {
            checkOpen();
            codec.write(newKeys, 0, newKeys.length);
            codec.switchSend(out.protection(), out.newCompressor(authenticated), resetSeq);
            sentBytesAtKex = codec.bytesSent();
            sentPacketsAtKex = codec.packetsSent();
            kexBlocksSending = false;
            while (!queued.isEmpty()) {
                write(queued.poll());
            }
        } finally {
            sendLock.unlock();
        }
    }

    void receivedNewKeys(NewKeysInstaller.Direction in, boolean resetSeq) {
        codec.switchReceive(in.protection(), in.newCompressor(authenticated), resetSeq);
        recvBytesAtKex = codec.bytesReceived();
        recvPacketsAtKex = codec.packetsReceived();
    }

    void sendServerExtInfo() throws IOException {
        List<String> algs = new ArrayList<>();
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            if (a != SignatureAlgorithm.SSH_RSA) { // SHA-1 signatures are not accepted for user auth
                algs.add(a.wireName());
            }
        }
        byte[] value = new WireWriter().nameList(algs).toByteArray();
        value = new WireReader(value).string();
        sendKexPacket(new ExtInfo(Map.of("server-sig-algs", value)).encode());
    }

    void kexFinished(boolean first) {
        kexTimeNanos = System.nanoTime();
        CompletableFuture<Void> f;
        synchronized (this) {
            f = pendingKex;
            pendingKex = null;
        }
        if (f != null) {
            f.complete(null);
        }
        if (first) {
            firstKex.complete(null);
        }
        // What was queued during the exchange may already call for the next one.
        if (needsRekey(codec.bytesSent() - sentBytesAtKex, codec.packetsSent() - sentPacketsAtKex)
                || needsRekey(codec.bytesReceived() - recvBytesAtKex, codec.packetsReceived() - recvPacketsAtKex)) {
            try {
                kex.requestKex();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    // ---------------------------------------------------------------- public operations

    /**
     * Requests a service (RFC 4253 section 10), e.g. {@code ssh-userauth}, and waits for the accept.
     * Blocks up to the request timeout.
     */
    public void requestService(String name) throws TransportException {
        CompletableFuture<String> f = new CompletableFuture<>();
        synchronized (this) {
            if (pendingService != null) {
                throw new IllegalStateException("a service request is already pending");
            }
            pendingService = f;
        }
        send(new ServiceRequest(name).encode());
        String accepted = Waits.await(f, config.requestTimeout(), "service request " + name, this);
        if (!accepted.equals(name)) {
            throw fatal(new ProtocolException("server accepted service " + accepted + " instead of " + name));
        }
    }

    /** Server role: services the peer may request. */
    public void setAcceptedServices(List<String> services) {
        acceptedServices = List.copyOf(services);
    }

    /**
     * Starts a key re-exchange now (unless one is under way); the future completes when it is done.
     */
    public CompletableFuture<Void> rekey() {
        CompletableFuture<Void> f;
        synchronized (this) {
            if (pendingKex == null) {
                pendingKex = new CompletableFuture<>();
            }
            f = pendingKex;
        }
        try {
            checkOpen();
            kex.requestKex();
        } catch (IOException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /**
     * Sends a global request (RFC 4254 section 4). With {@code wantReply} the future completes with
     * the REQUEST_SUCCESS data, or empty for REQUEST_FAILURE; without it, immediately with empty.
     */
    public CompletableFuture<Optional<byte[]>> globalRequest(String name, boolean wantReply, byte[] data) {
        byte[] payload = new GlobalRequest(name, wantReply, data).encode();
        if (!wantReply) {
            try {
                send(payload);
                return CompletableFuture.completedFuture(Optional.empty());
            } catch (TransportException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        // Register and send in one order under the send lock: replies come back in request order.
        CompletableFuture<Optional<byte[]>> reply;
        sendLock.lock();
        try {
            checkOpen();
            GlobalRequests.Pending p = globals.register();
            try {
                send(new Outgoing(payload, p, false));
            } catch (TransportException e) {
                p.future.completeExceptionally(e);
            }
            reply = p.future;
        } catch (TransportException e) {
            reply = CompletableFuture.failedFuture(e);
        } finally {
            sendLock.unlock();
        }
        requestDeferredRekey();
        return reply;
    }

    /** Sends SSH_MSG_IGNORE with {@code data} (traffic padding, or a cheap liveness write). */
    public void sendIgnore(byte[] data) throws TransportException {
        send(new Ignore(data).encode());
    }

    /**
     * Sets the largest packet accepted from the peer from now on (a server lowers it before user
     * authentication, like a pre-auth cap; at most {@link PacketCodec#MAX_PACKET}). A bigger packet
     * ends the connection with a protocol error. Any thread.
     */
    public void setInboundPacketLimit(int bytes) {
        codec.setInboundLimit(bytes);
    }

    public void setMessageHandler(MessageHandler handler) {
        this.messageHandler = handler;
    }

    public void setGlobalRequestHandler(GlobalRequestHandler handler) {
        globals.setHandler(handler);
    }

    /**
     * Marks user authentication as done: delayed compression (zlib@openssh.com) starts for the
     * packets after this point. Called by the auth layer on the reader thread.
     */
    public void authenticated() {
        sendLock.lock();
        try {
            authenticated = true;
            NegotiatedAlgorithms n = kex.negotiated();
            boolean out = role == Role.CLIENT ? n.compressionClientToServer().equals("zlib@openssh.com")
                    : n.compressionServerToClient().equals("zlib@openssh.com");
            boolean in = role == Role.CLIENT ? n.compressionServerToClient().equals("zlib@openssh.com")
                    : n.compressionClientToServer().equals("zlib@openssh.com");
            codec.enableCompression(out ? dev.skiff.ssh.transport.crypto.CompressionAlgorithm.ZLIB_OPENSSH.newCompressor() : null,
                    in ? dev.skiff.ssh.transport.crypto.CompressionAlgorithm.ZLIB_OPENSSH.newCompressor() : null);
        } finally {
            sendLock.unlock();
        }
    }

    /**
     * Server role: sends USERAUTH_SUCCESS ({@code payload}) and marks authentication done in one
     * step under the send lock, so that delayed compression starts exactly after it, before the
     * client's first compressed packet can be read. Called on the server's authentication thread.
     */
    public void sendAuthSuccess(byte[] payload) throws TransportException {
        sendLock.lock();
        try {
            send(payload);
            authenticated();
        } finally {
            sendLock.unlock();
        }
        requestDeferredRekey();
    }

    // ---------------------------------------------------------------- state

    public Role role() {
        return role;
    }

    public TransportConfig config() {
        return config;
    }

    public String peer() {
        return io.peer();
    }

    public String clientVersion() {
        return role == Role.CLIENT ? config.softwareVersion() : peerVersion;
    }

    public String serverVersion() {
        return role == Role.SERVER ? config.softwareVersion() : peerVersion;
    }

    /** The server's host key from the first key exchange (client role). */
    public SshPublicKey serverHostKey() {
        return kex.serverHostKey();
    }

    public NegotiatedAlgorithms negotiated() {
        return kex.negotiated();
    }

    /** The algorithms the peer offered in its last KEXINIT. */
    public dev.skiff.ssh.transport.msg.KexInit peerKexInit() {
        return kex.peerKexInit();
    }

    public boolean strictKex() {
        return kex.isStrict();
    }

    public byte[] sessionId() {
        byte[] s = kex.sessionId();
        return s == null ? null : s.clone();
    }

    /** Bytes written to the connection so far (after compression and encryption). */
    public long bytesSent() {
        return codec.bytesSent();
    }

    /** Bytes read from the connection so far. */
    public long bytesReceived() {
        return codec.bytesReceived();
    }

    /** Number of completed key exchanges (1 after connect). */
    public int kexCount() {
        return kex.completedCount();
    }

    /** EXT_INFO extensions received from the peer (RFC 8308). */
    public Map<String, byte[]> extInfo() {
        return Collections.unmodifiableMap(extInfo);
    }

    /** The server's server-sig-algs extension, or empty when it sent none. */
    public List<String> serverSigAlgs() {
        byte[] v = extInfo.get("server-sig-algs");
        if (v == null) {
            return List.of();
        }
        return List.of(new String(v, java.nio.charset.StandardCharsets.US_ASCII).split(","));
    }

    SshKeyPair hostKeyFor(String keyType) {
        for (SshKeyPair k : hostKeys) {
            if (k.publicKey().keyType().equals(keyType)) {
                return k;
            }
        }
        return null;
    }

    long packetsReceived() {
        return codec.packetsReceived();
    }

    long lastReceiveNanos() {
        return lastReceiveNanos;
    }

    public boolean isOpen() {
        return failure == null && !closing;
    }

    /** Why the transport ended, or null while open. */
    public Throwable failure() {
        return failure;
    }

    /** Completes (with the cause, or null after a local close) when the transport has ended. */
    public CompletableFuture<Throwable> closedFuture() {
        return closedFuture;
    }

    private void checkOpen() throws TransportException {
        Throwable f = failure;
        if (f != null) {
            throw new TransportException("connection to " + io.peer() + " is closed: " + f.getMessage(), f);
        }
        if (closing) {
            throw new TransportException("connection to " + io.peer() + " is closed");
        }
    }

    // ---------------------------------------------------------------- ending

    TransportException fatal(TransportException e) {
        fail(e);
        return e;
    }

    /** Ends the transport because of {@code cause}: sends DISCONNECT when it is our verdict, fails everything. */
    void fail(Throwable cause) {
        cause = asTransportException(cause);
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = cause;
        }
        if (cause instanceof ProtocolException pe && !closing) {
            trySendDisconnect(pe.reason(), pe.getMessage());
        }
        LOG.debug("transport to {} ended: {}", io.peer(), cause.toString());
        shutdown(cause);
    }

    private void trySendDisconnect(DisconnectReason reason, String text) {
        try {
            if (sendLock.tryLock(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                try {
                    byte[] p = new Disconnect(reason.code(), text, "").encode();
                    codec.write(p, 0, p.length);
                } finally {
                    sendLock.unlock();
                }
            }
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // best effort: the connection is going away anyway
        }
    }

    private void shutdown(Throwable cause) {
        if (!shutdownStarted.compareAndSet(false, true)) {
            return;
        }
        io.close();
        keepalive.stop();
        kex.destroy();
        TransportException te = asTransportException(cause);
        firstKex.completeExceptionally(te);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        synchronized (this) {
            if (pendingKex != null) {
                pending.add(pendingKex);
            }
            if (pendingService != null) {
                pending.add(pendingService);
            }
        }
        globals.failAll(te);
        for (CompletableFuture<?> f : pending) {
            f.completeExceptionally(te);
        }
        MessageHandler h = messageHandler;
        if (h != null) {
            try {
                h.closed(cause);
            } catch (RuntimeException e) {
                LOG.warn("message handler failed on close", e);
            }
        }
        closedFuture.complete(cause);
    }

    private TransportException asTransportException(Throwable cause) {
        if (cause instanceof TransportException t) {
            return t;
        }
        if (cause instanceof IOException) {
            return new TransportException("connection to " + io.peer() + " lost: " + cause.getMessage(), cause);
        }
        return new TransportException("internal error on the connection to " + io.peer() + ": " + cause, cause);
    }

    /** Sends DISCONNECT with {@code reason} and closes. */
    public void disconnect(DisconnectReason reason, String description) {
        if (isOpen()) {
            trySendDisconnect(reason, description);
        }
        close();
    }

    /**
     * Closes the connection: socket closed, reader thread joined (bounded wait), pending operations
     * failed. Idempotent; any thread except the reader thread waits for it to end.
     */
    @Override
    public void close() {
        boolean first;
        synchronized (this) {
            first = !closing;
            closing = true;
            if (failure == null) {
                failure = new TransportException("connection to " + io.peer() + " closed locally");
            }
        }
        if (first) {
            shutdown(failure);
        }
        if (Thread.currentThread() != reader && reader.isAlive()) {
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Wraps a failure observed by a waiter. */
    static SshException asSsh(Throwable t) {
        return t instanceof SshException s ? s : new TransportException(String.valueOf(t.getMessage()), t);
    }
}
