package dev.skiff.ssh.transport.msg;

/** A decoded transport-layer message record; {@link #encode()} gives the payload (message id first). */
public interface TransportMessage {
    byte[] encode();
}
