package dev.skiff.ssh.connection;

import dev.skiff.ssh.ChannelException;
import dev.skiff.ssh.ChannelOpenFailedException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.transport.MessageHandler;
import dev.skiff.ssh.transport.Transport;
import dev.skiff.ssh.transport.VersionExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The connection protocol (RFC 4254) over an authenticated transport: the channel table, channel
 * opens in both directions, and dispatch of channel messages from the reader thread. Channels
 * are numbered from 0 and their ids are reused only after both sides closed them.
 */
public final class ConnectionService implements MessageHandler {
    /** More open channels than this is refused (resource shortage). */
    public static final int MAX_CHANNELS = 4096;

    private final Transport transport;
    private final ConnectionConfig config;
    private final Map<Integer, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, ChannelOpenHandler> openHandlers = new ConcurrentHashMap<>();
    private int nextId;

    public ConnectionService(Transport transport, ConnectionConfig config) {
        this.transport = transport;
        this.config = config;
        transport.setMessageHandler(this);
    }

    public ConnectionConfig config() {
        return config;
    }

    public Transport transport() {
        return transport;
    }

    /** Registers what to do with CHANNEL_OPEN of {@code type} from the peer (others are refused). */
    public void onChannelOpen(String type, ChannelOpenHandler handler) {
        openHandlers.put(type, handler);
    }

    synchronized int allocateId(Channel c) {
        if (channels.size() >= MAX_CHANNELS) {
            throw new IllegalStateException("too many channels");
        }
        while (channels.containsKey(nextId)) {
            nextId = (nextId + 1) & Integer.MAX_VALUE;
        }
        int id = nextId;
        nextId = (nextId + 1) & Integer.MAX_VALUE;
        channels.put(id, c);
        return id;
    }

    void remove(Channel c) {
        channels.remove(c.localId(), c);
    }

    /** Open channels right now. */
    public List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    void send(ChannelMessage m) throws TransportException {
        transport.send(m.encode());
    }

    String printable(String peerText) {
        return VersionExchange.printable(peerText);
    }

    /**
     * Opens {@code channel} as {@code type} with type-specific {@code data} and waits for the
     * confirmation (request timeout).
     *
     * @throws ChannelOpenFailedException when the peer refuses
     */
    public <C extends Channel> C open(C channel, byte[] data) throws SshException {
        try {
            send(new ChannelMessage.Open(channel.type(), channel.localId(), channel.initialLocalWindow(),
                    channel.localMaxPacket(), data));
        } catch (TransportException e) {
            channel.fail(e);
            throw e;
        }
        try {
            await(channel.openedFuture(), config.requestTimeout(), "opening a " + channel.type() + " channel");
        } catch (SshException e) {
            channel.fail(e);
            throw e;
        }
        return channel;
    }

    /** Accepts a channel the peer opened: confirms it with our window and max packet. */
    public void confirm(Channel channel, ChannelMessage.Open open) throws TransportException {
        channel.onOpenConfirmation(new ChannelMessage.OpenConfirmation(channel.localId(), open.sender(), open.window(),
                open.maxPacket(), new byte[0]));
        send(new ChannelMessage.OpenConfirmation(open.sender(), channel.localId(), channel.initialLocalWindow(),
                channel.localMaxPacket(), new byte[0]));
    }

    @Override
    public void handle(int id, byte[] payload) throws IOException {
        ChannelMessage m = ChannelMessage.decode(payload);
        if (m instanceof ChannelMessage.Open open) {
            onOpen(open);
            return;
        }
        Channel c = channels.get(m.recipient());
        if (c == null) {
            throw new ProtocolException(m.getClass().getSimpleName() + " for unknown channel " + m.recipient());
        }
        if (m instanceof ChannelMessage.OpenConfirmation oc) {
            c.onOpenConfirmation(oc);
        } else if (m instanceof ChannelMessage.OpenFailure of) {
            c.onOpenFailure(of);
        } else if (m instanceof ChannelMessage.WindowAdjust wa) {
            c.onWindowAdjust(wa);
        } else if (m instanceof ChannelMessage.Data d) {
            c.onData(d.dataType(), d.data(), 0, d.data().length);
        } else if (m instanceof ChannelMessage.Eof) {
            c.onEof();
        } else if (m instanceof ChannelMessage.Close) {
            c.onClose();
        } else if (m instanceof ChannelMessage.Request r) {
            boolean ok = c.onRequest(r);
            if (r.wantReply() && c.remoteId() >= 0) {
                send(new ChannelMessage.Reply(c.remoteId(), ok));
            }
            c.requestAnswered(r, ok);
        } else if (m instanceof ChannelMessage.Reply r) {
            c.onReply(r);
        }
    }

    /**
     * CHANNEL_DATA / EXTENDED_DATA without copying: {@code byte id, uint32 recipient,
     * [uint32 type,] string data}, bounds-checked like every other message.
     */
    @Override
    public void handleData(byte[] buf, int off, int len) throws IOException {
        dev.skiff.ssh.wire.WireReader r = new dev.skiff.ssh.wire.WireReader(buf, off, len);
        int id = r.byteValue();
        int recipient = r.uint32AsInt("recipient channel");
        int type = 0;
        if (id == dev.skiff.ssh.wire.SshMessages.CHANNEL_EXTENDED_DATA) {
            long t = r.uint32();
            if (t == 0 || t > Integer.MAX_VALUE) {
                throw new ProtocolException("bad extended data type " + t);
            }
            type = (int) t;
        }
        long n = r.uint32();
        if (n != r.remaining()) {
            throw new ProtocolException("channel data length " + n + " does not match the " + r.remaining() + " bytes left");
        }
        Channel c = channels.get(recipient);
        if (c == null) {
            throw new ProtocolException("data for unknown channel " + recipient);
        }
        c.onData(type, buf, r.position(), (int) n);
    }

    private void onOpen(ChannelMessage.Open open) throws SshException {
        ChannelOpenHandler h = openHandlers.get(open.type());
        try {
            if (h == null) {
                throw new ChannelOpenFailedException(ChannelOpenFailedException.UNKNOWN_CHANNEL_TYPE,
                        "unknown channel type");
            }
            Channel c = h.accept(this, open);
            if (c.remoteId() < 0) {
                confirm(c, open);
            }
        } catch (ChannelOpenFailedException e) {
            send(new ChannelMessage.OpenFailure(open.sender(), e.reasonCode(), e.getMessage(), ""));
        } catch (IllegalStateException e) {
            send(new ChannelMessage.OpenFailure(open.sender(), ChannelOpenFailedException.RESOURCE_SHORTAGE,
                    "too many channels", ""));
        }
    }

    @Override
    public void closed(Throwable cause) {
        SshException e = cause instanceof SshException s ? s
                : new ChannelException("connection closed" + (cause == null ? "" : ": " + cause.getMessage()), cause);
        for (Channel c : List.copyOf(channels.values())) {
            c.fail(e);
        }
    }

    static <T> T await(CompletableFuture<T> f, Duration timeout, String what) throws SshException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ChannelException("timed out after " + timeout.toMillis() + " ms " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SshException s) {
                throw s;
            }
            throw new ChannelException(what + " failed: " + c, c);
        }
    }
}
