package dev.skiff.ssh.connection;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.charset.StandardCharsets;

/**
 * Connection protocol messages (RFC 4254 sections 5 and 6), one record each. Every record decodes
 * from a whole payload (message id first) and ends with {@code expectEnd()}, and encodes back.
 */
public sealed interface ChannelMessage {
    byte[] encode();

    /** Recipient channel (our id for messages we receive), or -1 for CHANNEL_OPEN. */
    int recipient();

    /** SSH_MSG_CHANNEL_OPEN: string type, uint32 sender, uint32 initial window, uint32 max packet, type-specific data. */
    record Open(String type, int sender, long window, long maxPacket, byte[] data) implements ChannelMessage {
        @Override
        public int recipient() {
            return -1;
        }

        @Override
        public byte[] encode() {
            return new WireWriter(data.length + 64).byteValue(SshMessages.CHANNEL_OPEN).utf8(type).uint32(sender)
                    .uint32(window).uint32(maxPacket).raw(data).toByteArray();
        }
    }

    /** SSH_MSG_CHANNEL_OPEN_CONFIRMATION: recipient, sender, initial window, max packet, type-specific data. */
    record OpenConfirmation(int recipient, int sender, long window, long maxPacket, byte[] data) implements ChannelMessage {
        @Override
        public byte[] encode() {
            return new WireWriter(data.length + 24).byteValue(SshMessages.CHANNEL_OPEN_CONFIRMATION).uint32(recipient)
                    .uint32(sender).uint32(window).uint32(maxPacket).raw(data).toByteArray();
        }
    }

    /** SSH_MSG_CHANNEL_OPEN_FAILURE: recipient, uint32 reason code, string description, string language. */
    record OpenFailure(int recipient, int reasonCode, String description, String language) implements ChannelMessage {
        @Override
        public byte[] encode() {
            return new WireWriter().byteValue(SshMessages.CHANNEL_OPEN_FAILURE).uint32(recipient).uint32(reasonCode)
                    .utf8(description).utf8(language).toByteArray();
        }
    }

    /** SSH_MSG_CHANNEL_WINDOW_ADJUST: recipient, uint32 bytes to add. */
    record WindowAdjust(int recipient, long bytesToAdd) implements ChannelMessage {
        @Override
        public byte[] encode() {
            return new WireWriter(9).byteValue(SshMessages.CHANNEL_WINDOW_ADJUST).uint32(recipient).uint32(bytesToAdd)
                    .toByteArray();
        }
    }

    /** SSH_MSG_CHANNEL_DATA (data type 0) or SSH_MSG_CHANNEL_EXTENDED_DATA (data type &gt; 0, 1 = stderr). */
    record Data(int recipient, int dataType, byte[] data) implements ChannelMessage {
        @Override
        public byte[] encode() {
            WireWriter w = new WireWriter(data.length + 13);
            if (dataType == 0) {
                w.byteValue(SshMessages.CHANNEL_DATA).uint32(recipient);
            } else {
                w.byteValue(SshMessages.CHANNEL_EXTENDED_DATA).uint32(recipient).uint32(dataType);
            }
            return w.string(data).toByteArray();
        }
    }

    /** SSH_MSG_CHANNEL_EOF. */
    record Eof(int recipient) implements ChannelMessage {
        @Override
        public byte[] encode() {
            return new WireWriter(5).byteValue(SshMessages.CHANNEL_EOF).uint32(recipient).toByteArray();
        }
    }

    /** SSH_MSG_CHANNEL_CLOSE. */
    record Close(int recipient) implements ChannelMessage {
        @Override
        public byte[] encode() {
            return new WireWriter(5).byteValue(SshMessages.CHANNEL_CLOSE).uint32(recipient).toByteArray();
        }
    }

    /** SSH_MSG_CHANNEL_REQUEST: recipient, string type, boolean want reply, type-specific data. */
    record Request(int recipient, String type, boolean wantReply, byte[] data) implements ChannelMessage {
        @Override
        public byte[] encode() {
            return new WireWriter(data.length + 32).byteValue(SshMessages.CHANNEL_REQUEST).uint32(recipient).utf8(type)
                    .bool(wantReply).raw(data).toByteArray();
        }
    }

    /** SSH_MSG_CHANNEL_SUCCESS (success true) or SSH_MSG_CHANNEL_FAILURE. */
    record Reply(int recipient, boolean success) implements ChannelMessage {
        @Override
        public byte[] encode() {
            return new WireWriter(5).byteValue(success ? SshMessages.CHANNEL_SUCCESS : SshMessages.CHANNEL_FAILURE)
                    .uint32(recipient).toByteArray();
        }
    }

    /** Decodes any message numbered 90-100; unknown numbers are a protocol error. */
    static ChannelMessage decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        int id = r.byteValue();
        ChannelMessage m;
        switch (id) {
            case SshMessages.CHANNEL_OPEN -> {
                String type = r.ascii();
                m = new Open(type, r.uint32AsInt("sender channel"), r.uint32(), r.uint32(), r.rest());
            }
            case SshMessages.CHANNEL_OPEN_CONFIRMATION -> m = new OpenConfirmation(r.uint32AsInt("recipient channel"),
                    r.uint32AsInt("sender channel"), r.uint32(), r.uint32(), r.rest());
            case SshMessages.CHANNEL_OPEN_FAILURE -> {
                int recipient = r.uint32AsInt("recipient channel");
                int reason = (int) r.uint32();
                String text = new String(r.string(), StandardCharsets.UTF_8);
                String lang = r.remaining() > 0 ? new String(r.string(), StandardCharsets.UTF_8) : "";
                m = new OpenFailure(recipient, reason, text, lang);
            }
            case SshMessages.CHANNEL_WINDOW_ADJUST -> m = new WindowAdjust(r.uint32AsInt("recipient channel"), r.uint32());
            case SshMessages.CHANNEL_DATA -> m = new Data(r.uint32AsInt("recipient channel"), 0, r.string());
            case SshMessages.CHANNEL_EXTENDED_DATA -> {
                int recipient = r.uint32AsInt("recipient channel");
                long type = r.uint32();
                if (type == 0 || type > Integer.MAX_VALUE) {
                    throw new ProtocolException("bad extended data type " + type);
                }
                m = new Data(recipient, (int) type, r.string());
            }
            case SshMessages.CHANNEL_EOF -> m = new Eof(r.uint32AsInt("recipient channel"));
            case SshMessages.CHANNEL_CLOSE -> m = new Close(r.uint32AsInt("recipient channel"));
            case SshMessages.CHANNEL_REQUEST -> {
                int recipient = r.uint32AsInt("recipient channel");
                String type = r.ascii();
                m = new Request(recipient, type, r.bool(), r.rest());
            }
            case SshMessages.CHANNEL_SUCCESS -> m = new Reply(r.uint32AsInt("recipient channel"), true);
            case SshMessages.CHANNEL_FAILURE -> m = new Reply(r.uint32AsInt("recipient channel"), false);
            default -> throw new ProtocolException("not a channel message: " + SshMessages.name(id));
        }
        r.expectEnd();
        return m;
    }
}
