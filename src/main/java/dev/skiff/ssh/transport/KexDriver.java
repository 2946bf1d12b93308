package dev.skiff.ssh.transport;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.transport.kex.DhGroupExchange;
import dev.skiff.ssh.transport.kex.ExchangeHash;
import dev.skiff.ssh.transport.kex.KexMethods;
import dev.skiff.ssh.transport.kex.KeyAgreement;
import dev.skiff.ssh.transport.kex.KeyExchangeMethod;
import dev.skiff.ssh.transport.msg.GexGroup;
import dev.skiff.ssh.transport.msg.GexInit;
import dev.skiff.ssh.transport.msg.GexRequest;
import dev.skiff.ssh.transport.msg.KexDhInit;
import dev.skiff.ssh.transport.msg.KexDhReply;
import dev.skiff.ssh.transport.msg.KexInit;
import dev.skiff.ssh.transport.msg.NewKeys;
import dev.skiff.ssh.wire.SshMessages;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Key exchange state machine (RFC 4253 sections 7-8, RFC 4419, strict KEX from OpenSSH
 * PROTOCOL). One explicit {@link State}; a message not expected in the current state is a protocol
 * error. Runs on the reader thread, except {@link #requestKex()} which any thread may call.
 */
final class KexDriver {
    static final String STRICT_C = "kex-strict-c-v00@openssh.com";
    static final String STRICT_S = "kex-strict-s-v00@openssh.com";
    static final String EXT_INFO_C = "ext-info-c";
    static final String EXT_INFO_S = "ext-info-s";

    enum State {
        /** No exchange under way. */
        IDLE,
        /** We sent KEXINIT and wait for the peer's. */
        AWAIT_KEXINIT,
        /** Client: sent the INIT value, waiting for the REPLY. */
        AWAIT_REPLY,
        /** Client: sent GEX_REQUEST, waiting for GEX_GROUP. */
        AWAIT_GEX_GROUP,
        /** Client: sent GEX_INIT, waiting for GEX_REPLY. */
        AWAIT_GEX_REPLY,
        /** Server: waiting for the client's INIT value. */
        AWAIT_INIT,
        /** Server: waiting for GEX_REQUEST. */
        AWAIT_GEX_REQUEST,
        /** Server: sent GEX_GROUP, waiting for GEX_INIT. */
        AWAIT_GEX_INIT,
        /** We sent NEWKEYS and wait for the peer's. */
        AWAIT_NEWKEYS
    }

    private final Transport transport;
    private final Role role;
    private final SecureRandom random = new SecureRandom();

    private volatile State state = State.IDLE;
    private volatile int completed;
    private volatile boolean strict;
    private boolean peerWantsExtInfo;
    private volatile byte[] sessionId;
    private volatile SshPublicKey serverHostKey;
    private KexInit ours;
    private volatile KexInit theirs;
    private volatile NegotiatedAlgorithms negotiated;
    private KeyExchangeMethod method;
    private KeyAgreement agreement;
    private ExchangeHash.GexParams gex;
    private byte[] clientValue;
    private boolean ignoreGuessedPacket;
    private long kexInitSeq = -1;
    private NewKeysInstaller.Direction pendingIncoming;

    KexDriver(Transport transport, Role role) {
        this.transport = transport;
        this.role = role;
    }

    /** Lock-free read (callers may hold the send lock; the lock order is driver, then send lock). */
    State state() {
        return state;
    }

    /** True from our KEXINIT (or the peer's) until the peer's NEWKEYS. */
    boolean inProgress() {
        return state != State.IDLE;
    }

    /** True between the peer's KEXINIT and its NEWKEYS: only KEX messages may arrive. */
    boolean peerKexInitSeen() {
        return state != State.IDLE && state != State.AWAIT_KEXINIT;
    }

    boolean isStrict() {
        return strict;
    }

    boolean isInitial() {
        return completed == 0;
    }

    int completedCount() {
        return completed;
    }

    byte[] sessionId() {
        return sessionId;
    }

    SshPublicKey serverHostKey() {
        return serverHostKey;
    }

    NegotiatedAlgorithms negotiated() {
        return negotiated;
    }

    KexInit peerKexInit() {
        return theirs;
    }

    /** Starts an exchange unless one is under way. Any thread. */
    synchronized void requestKex() throws IOException {
        if (state == State.IDLE) {
            sendKexInit();
        }
    }

    private void sendKexInit() throws IOException {
        TransportConfig cfg = transport.config();
        List<String> kex = new ArrayList<>(cfg.kexAlgorithms());
        if (completed == 0) {
            if (role == Role.CLIENT) {
                kex.add(EXT_INFO_C);
                if (cfg.strictKex()) {
                    kex.add(STRICT_C);
                }
            } else {
                kex.add(EXT_INFO_S);
                if (cfg.strictKex()) {
                    kex.add(STRICT_S);
                }
            }
        }
        byte[] cookie = new byte[16];
        random.nextBytes(cookie);
        List<String> hostKeyAlgs = role == Role.CLIENT ? cfg.hostKeyAlgorithms() : serverHostKeyAlgorithms();
        ours = KexInit.create(cookie, kex, hostKeyAlgs, cfg.ciphers(), cfg.macs(), cfg.compression());
        state = State.AWAIT_KEXINIT;
        kexInitSeq = transport.sendKexInit(ours.encode());
    }

    /**
     * UNIMPLEMENTED for packet {@code seq}: if it names the KEXINIT of a re-exchange the peer has
     * not answered, that exchange is abandoned (state back to IDLE) and true is returned.
     */
    synchronized boolean onUnimplemented(long seq) throws ProtocolException {
        if (state != State.AWAIT_KEXINIT || seq != kexInitSeq) {
            return false;
        }
        if (completed == 0) {
            throw new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "the peer rejected our KEXINIT");
        }
        state = State.IDLE;
        return true;
    }

    private List<String> serverHostKeyAlgorithms() {
        List<String> names = new ArrayList<>();
        for (String alg : transport.config().hostKeyAlgorithms()) {
            SignatureAlgorithm a = SignatureAlgorithm.byName(alg).orElse(null);
            if (a != null && transport.hostKeyFor(a.keyType()) != null) {
                names.add(alg);
            }
        }
        return names;
    }

    /** Handles a message numbered 20-49. Reader thread. */
    synchronized void onMessage(int id, byte[] payload) throws IOException {
        if (id == SshMessages.KEXINIT) {
            onKexInit(KexInit.decode(payload));
            return;
        }
        if (ignoreGuessedPacket && id >= 30 && id <= 49) {
            ignoreGuessedPacket = false;
            return;
        }
        switch (state) {
            case AWAIT_REPLY -> clientReply(KexDhReply.decode(payload, expect(id, SshMessages.KEXDH_REPLY)), null);
            case AWAIT_GEX_GROUP -> clientGexGroup(GexGroup.decode(payload(id, payload, SshMessages.KEX_DH_GEX_GROUP)));
            case AWAIT_GEX_REPLY -> clientReply(KexDhReply.decode(payload, expect(id, SshMessages.KEX_DH_GEX_REPLY)), gex);
            case AWAIT_INIT -> serverInit(KexDhInit.decode(payload(id, payload, SshMessages.KEXDH_INIT)).clientValue(), null);
            case AWAIT_GEX_REQUEST -> serverGexRequest(GexRequest.decode(payload(id, payload, SshMessages.KEX_DH_GEX_REQUEST)));
            case AWAIT_GEX_INIT -> serverInit(GexInit.decode(payload(id, payload, SshMessages.KEX_DH_GEX_INIT)).clientValue(), gex);
            case AWAIT_NEWKEYS -> onNewKeys(payload(id, payload, SshMessages.NEWKEYS));
            default -> throw unexpected(id);
        }
    }

    private int expect(int id, int wanted) throws ProtocolException {
        if (id != wanted) {
            throw unexpected(id);
        }
        return id;
    }

    private byte[] payload(int id, byte[] payload, int wanted) throws ProtocolException {
        expect(id, wanted);
        return payload;
    }

    private ProtocolException unexpected(int id) {
        return new ProtocolException(DisconnectReason.PROTOCOL_ERROR,
                "unexpected " + SshMessages.name(id) + " in key exchange state " + state);
    }

    private void onKexInit(KexInit peer) throws IOException {
        if (state == State.IDLE) {
            sendKexInit();
        } else if (state != State.AWAIT_KEXINIT) {
            throw unexpected(SshMessages.KEXINIT);
        }
        theirs = peer;
        KexInit client = role == Role.CLIENT ? ours : theirs;
        KexInit server = role == Role.CLIENT ? theirs : ours;
        if (completed == 0) {
            String peerStrict = role == Role.CLIENT ? STRICT_S : STRICT_C;
            strict = transport.config().strictKex() && theirs.kexAlgorithms().contains(peerStrict);
            if (strict && transport.packetsReceived() != 1) {
                throw new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                        "strict KEX violation: KEXINIT was not the first packet");
            }
            if (!strict && transport.config().requireStrictKex()) {
                throw new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                        "the peer does not support strict key exchange (kex-strict), which is required");
            }
            peerWantsExtInfo = role == Role.SERVER && theirs.kexAlgorithms().contains(EXT_INFO_C);
        }
        negotiated = NegotiatedAlgorithms.negotiate(client, server);
        method = KexMethods.byName(negotiated.kex()).orElseThrow(
                () -> new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "unsupported kex " + negotiated.kex()));
        ignoreGuessedPacket = peer.firstKexPacketFollows() && !NegotiatedAlgorithms.guessIsRight(client, server);
        if (role == Role.CLIENT) {
            if (method.isGroupExchange()) {
                int n = DhGroupExchange.preferredBits(NewKeysInstaller.neededBytes(negotiated));
                gex = new ExchangeHash.GexParams(DhGroupExchange.MIN_BITS, n, DhGroupExchange.MAX_BITS, null, null);
                state = State.AWAIT_GEX_GROUP;
                transport.sendKexPacket(new GexRequest(gex.min(), gex.preferred(), gex.max()).encode());
            } else {
                gex = null;
                agreement = method.newAgreement(random);
                clientValue = agreement.clientValue();
                state = State.AWAIT_REPLY;
                transport.sendKexPacket(new KexDhInit(clientValue).encode());
            }
        } else {
            gex = null;
            state = method.isGroupExchange() ? State.AWAIT_GEX_REQUEST : State.AWAIT_INIT;
        }
    }

    private void clientGexGroup(GexGroup group) throws IOException {
        DhGroupExchange.validateGroup(group.p(), group.g(), gex.min(), gex.max());
        gex = new ExchangeHash.GexParams(gex.min(), gex.preferred(), gex.max(), group.p(), group.g());
        agreement = DhGroupExchange.agreement(group.p(), group.g(), random);
        clientValue = agreement.clientValue();
        state = State.AWAIT_GEX_REPLY;
        transport.sendKexPacket(new GexInit(clientValue).encode());
    }

    private void clientReply(KexDhReply reply, ExchangeHash.GexParams params) throws IOException {
        SshPublicKey hostKey;
        try {
            hostKey = SshPublicKey.decode(reply.hostKey());
        } catch (KeyFormatException e) {
            throw new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "bad server host key: " + e.getMessage(), e);
        }
        SignatureAlgorithm sigAlg = SignatureAlgorithm.byName(negotiated.hostKey()).orElseThrow();
        if (!sigAlg.keyType().equals(hostKey.keyType())) {
            throw new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                    "server sent a " + hostKey.keyType() + " host key for algorithm " + sigAlg.wireName());
        }
        if (serverHostKey != null && !Arrays.equals(serverHostKey.blob(), hostKey.blob())) {
            throw new ProtocolException(DisconnectReason.HOST_KEY_NOT_VERIFIABLE,
                    "server host key changed during rekey");
        }
        byte[] k = agreement.clientSharedSecret(reply.serverValue());
        agreement.destroy();
        byte[] h = ExchangeHash.compute(method.digestAlgorithm(), new ExchangeHash.Inputs(transport.clientVersion(),
                transport.serverVersion(), ours.payload(), theirs.payload(), reply.hostKey(), params,
                clientValue, reply.serverValue(), k));
        boolean valid;
        try {
            valid = sigAlg.verify(hostKey, h, reply.signature());
        } catch (KeyFormatException e) {
            throw new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "malformed host key signature: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                    "host key signature verification failed (" + sigAlg.wireName() + ")");
        }
        serverHostKey = hostKey;
        finishExchange(k, h);
    }

    private void serverGexRequest(GexRequest req) throws IOException {
        if (req.min() > req.preferred() || req.preferred() > req.max() || req.min() < 1024 || req.max() > 16384) {
            throw new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "bad group exchange request " + req);
        }
        BigInteger[] group = transport.config().dhGroupSource().chooseGroup(req.min(), req.preferred(), req.max());
        if (group == null) {
            throw new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "no group of the requested size");
        }
        gex = new ExchangeHash.GexParams(req.min(), req.preferred(), req.max(), group[0], group[1]);
        state = State.AWAIT_GEX_INIT;
        transport.sendKexPacket(new GexGroup(group[0], group[1]).encode());
    }

    private void serverInit(byte[] peerValue, ExchangeHash.GexParams params) throws IOException {
        KeyAgreement a = params == null ? method.newAgreement(random)
                : DhGroupExchange.agreement(params.p(), params.g(), random);
        KeyAgreement.ServerReply reply = a.serverReply(peerValue);
        a.destroy();
        SignatureAlgorithm sigAlg = SignatureAlgorithm.byName(negotiated.hostKey()).orElseThrow();
        SshKeyPair hostKey = transport.hostKeyFor(sigAlg.keyType());
        byte[] blob = hostKey.publicKey().blob();
        byte[] h = ExchangeHash.compute(method.digestAlgorithm(), new ExchangeHash.Inputs(transport.clientVersion(),
                transport.serverVersion(), theirs.payload(), ours.payload(), blob, params, peerValue,
                reply.serverValue(), reply.encodedSharedSecret()));
        byte[] sig;
        try {
            sig = sigAlg.sign(hostKey.privateKey(), h);
        } catch (KeyFormatException e) {
            throw new SshException("signing the exchange hash failed: " + e.getMessage(), e);
        }
        int replyId = params == null ? SshMessages.KEXDH_REPLY : SshMessages.KEX_DH_GEX_REPLY;
        transport.sendKexPacket(new KexDhReply(replyId, blob, reply.serverValue(), sig).encode());
        finishExchange(reply.encodedSharedSecret(), h);
    }

    /** Both sides: derive keys, send NEWKEYS and switch the sending direction. */
    private void finishExchange(byte[] k, byte[] h) throws IOException {
        if (sessionId == null) {
            sessionId = h.clone();
        }
        String digest = method.digestAlgorithm();
        NewKeysInstaller.Direction out = NewKeysInstaller.build(role, true, negotiated, digest, k, h, sessionId);
        pendingIncoming = NewKeysInstaller.build(role, false, negotiated, digest, k, h, sessionId);
        Arrays.fill(k, (byte) 0);
        state = State.AWAIT_NEWKEYS;
        transport.sendNewKeys(new NewKeys().encode(), out, strict);
        if (completed == 0 && role == Role.SERVER && peerWantsExtInfo) {
            transport.sendServerExtInfo();
        }
    }

    private void onNewKeys(byte[] payload) throws IOException {
        NewKeys.decode(payload);
        transport.receivedNewKeys(pendingIncoming, strict);
        pendingIncoming = null;
        boolean first = completed == 0;
        completed++;
        state = State.IDLE;
        transport.kexFinished(first);
    }

    /** Wipes what is left of an unfinished exchange. */
    synchronized void destroy() {
        if (agreement != null) {
            agreement.destroy();
        }
    }
}
