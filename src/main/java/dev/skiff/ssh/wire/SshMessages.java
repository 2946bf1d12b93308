package dev.skiff.ssh.wire;

/** SSH message numbers (RFC 4250 section 4.1) and their names, for errors and tracing. */
public final class SshMessages {
    public static final int DISCONNECT = 1;
    public static final int IGNORE = 2;
    public static final int UNIMPLEMENTED = 3;
    public static final int DEBUG = 4;
    public static final int SERVICE_REQUEST = 5;
    public static final int SERVICE_ACCEPT = 6;
    public static final int EXT_INFO = 7;
    public static final int KEXINIT = 20;
    public static final int NEWKEYS = 21;
    /** KEXDH_INIT / KEX_ECDH_INIT / KEX_HYBRID_INIT, and KEX_DH_GEX_GROUP (30-49 are method specific). */
    public static final int KEXDH_INIT = 30;
    public static final int KEXDH_REPLY = 31;
    public static final int KEX_DH_GEX_REQUEST_OLD = 30;
    public static final int KEX_DH_GEX_GROUP = 31;
    public static final int KEX_DH_GEX_INIT = 32;
    public static final int KEX_DH_GEX_REPLY = 33;
    public static final int KEX_DH_GEX_REQUEST = 34;
    public static final int USERAUTH_REQUEST = 50;
    public static final int USERAUTH_FAILURE = 51;
    public static final int USERAUTH_SUCCESS = 52;
    public static final int USERAUTH_BANNER = 53;
    public static final int USERAUTH_PK_OK = 60;
    public static final int USERAUTH_INFO_REQUEST = 60;
    public static final int USERAUTH_INFO_RESPONSE = 61;
    public static final int GLOBAL_REQUEST = 80;
    public static final int REQUEST_SUCCESS = 81;
    public static final int REQUEST_FAILURE = 82;
    public static final int CHANNEL_OPEN = 90;
    public static final int CHANNEL_OPEN_CONFIRMATION = 91;
    public static final int CHANNEL_OPEN_FAILURE = 92;
    public static final int CHANNEL_WINDOW_ADJUST = 93;
    public static final int CHANNEL_DATA = 94;
    public static final int CHANNEL_EXTENDED_DATA = 95;
    public static final int CHANNEL_EOF = 96;
    public static final int CHANNEL_CLOSE = 97;
    public static final int CHANNEL_REQUEST = 98;
    public static final int CHANNEL_SUCCESS = 99;
    public static final int CHANNEL_FAILURE = 100;

    private SshMessages() {
    }

    /** A readable name for a message number (method-specific numbers are named generically). */
    public static String name(int id) {
        switch (id) {
            case DISCONNECT: return "DISCONNECT";
            case IGNORE: return "IGNORE";
            case UNIMPLEMENTED: return "UNIMPLEMENTED";
            case DEBUG: return "DEBUG";
            case SERVICE_REQUEST: return "SERVICE_REQUEST";
            case SERVICE_ACCEPT: return "SERVICE_ACCEPT";
            case EXT_INFO: return "EXT_INFO";
            case KEXINIT: return "KEXINIT";
            case NEWKEYS: return "NEWKEYS";
            case USERAUTH_REQUEST: return "USERAUTH_REQUEST";
            case USERAUTH_FAILURE: return "USERAUTH_FAILURE";
            case USERAUTH_SUCCESS: return "USERAUTH_SUCCESS";
            case USERAUTH_BANNER: return "USERAUTH_BANNER";
            case GLOBAL_REQUEST: return "GLOBAL_REQUEST";
            case REQUEST_SUCCESS: return "REQUEST_SUCCESS";
            case REQUEST_FAILURE: return "REQUEST_FAILURE";
            case CHANNEL_OPEN: return "CHANNEL_OPEN";
            case CHANNEL_OPEN_CONFIRMATION: return "CHANNEL_OPEN_CONFIRMATION";
            case CHANNEL_OPEN_FAILURE: return "CHANNEL_OPEN_FAILURE";
            case CHANNEL_WINDOW_ADJUST: return "CHANNEL_WINDOW_ADJUST";
            case CHANNEL_DATA: return "CHANNEL_DATA";
            case CHANNEL_EXTENDED_DATA: return "CHANNEL_EXTENDED_DATA";
            case CHANNEL_EOF: return "CHANNEL_EOF";
            case CHANNEL_CLOSE: return "CHANNEL_CLOSE";
            case CHANNEL_REQUEST: return "CHANNEL_REQUEST";
            case CHANNEL_SUCCESS: return "CHANNEL_SUCCESS";
            case CHANNEL_FAILURE: return "CHANNEL_FAILURE";
            default:
                if (id >= 30 && id <= 49) {
                    return "KEX_METHOD_" + id;
                }
                if (id >= 60 && id <= 79) {
                    return "USERAUTH_METHOD_" + id;
                }
                return "MSG_" + id;
        }
    }
}
