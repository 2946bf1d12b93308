package dev.skiff.ssh;

/** The peer refused to open a channel (RFC 4254 section 5.1), with its reason code and text. */
public class ChannelOpenFailedException extends ChannelException {
    private static final long serialVersionUID = 1L;
    /** SSH_OPEN_ADMINISTRATIVELY_PROHIBITED. */
    public static final int ADMINISTRATIVELY_PROHIBITED = 1;
    /** SSH_OPEN_CONNECT_FAILED. */
    public static final int CONNECT_FAILED = 2;
    /** SSH_OPEN_UNKNOWN_CHANNEL_TYPE. */
    public static final int UNKNOWN_CHANNEL_TYPE = 3;
    /** SSH_OPEN_RESOURCE_SHORTAGE. */
    public static final int RESOURCE_SHORTAGE = 4;

    private final int reasonCode;

    public ChannelOpenFailedException(int reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    public int reasonCode() {
        return reasonCode;
    }

    public static String reasonName(int code) {
        return switch (code) {
            case ADMINISTRATIVELY_PROHIBITED -> "administratively prohibited";
            case CONNECT_FAILED -> "connect failed";
            case UNKNOWN_CHANNEL_TYPE -> "unknown channel type";
            case RESOURCE_SHORTAGE -> "resource shortage";
            default -> "reason " + code;
        };
    }
}
