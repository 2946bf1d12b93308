package dev.skiff.ssh.agent;

/**
 * Message numbers and flags of the SSH agent protocol (draft-miller-ssh-agent, now RFC 9987:
 * "Message numbers" and "Signature flags" under "Protocol numbers"). Every message travels as
 * {@code uint32 length, byte type, contents} ("Protocol Messages"), see {@link AgentFrames}.
 */
public final class AgentMessages {
    /** Generic refusal ("Generic server responses"). */
    public static final int FAILURE = 5;
    /** Generic success ("Generic server responses"). */
    public static final int SUCCESS = 6;
    public static final int REQUEST_IDENTITIES = 11;
    public static final int IDENTITIES_ANSWER = 12;
    public static final int SIGN_REQUEST = 13;
    public static final int SIGN_RESPONSE = 14;
    public static final int ADD_IDENTITY = 17;
    public static final int REMOVE_IDENTITY = 18;
    public static final int REMOVE_ALL_IDENTITIES = 19;
    public static final int LOCK = 22;
    public static final int UNLOCK = 23;
    /** Obsolete failure codes that some agents still send; treated like {@link #FAILURE}. */
    public static final int SSH2_AGENT_FAILURE = 30;
    public static final int SSH_COM_AGENT2_FAILURE = 102;

    /** SIGN_REQUEST flag: rsa-sha2-256 signature from an ssh-rsa key (RFC 8332 section 3.3). */
    public static final int FLAG_RSA_SHA2_256 = 2;
    /** SIGN_REQUEST flag: rsa-sha2-512 signature from an ssh-rsa key (RFC 8332 section 3.3). */
    public static final int FLAG_RSA_SHA2_512 = 4;

    private AgentMessages() {
    }

    /** True for the answers that mean "refused". */
    public static boolean isFailure(int type) {
        return type == FAILURE || type == SSH2_AGENT_FAILURE || type == SSH_COM_AGENT2_FAILURE;
    }

    /** A readable name for logs and error messages, e.g. {@code SIGN_REQUEST}, or the number. */
    public static String name(int type) {
        return switch (type) {
            case FAILURE -> "FAILURE";
            case SUCCESS -> "SUCCESS";
            case REQUEST_IDENTITIES -> "REQUEST_IDENTITIES";
            case IDENTITIES_ANSWER -> "IDENTITIES_ANSWER";
            case SIGN_REQUEST -> "SIGN_REQUEST";
            case SIGN_RESPONSE -> "SIGN_RESPONSE";
            case ADD_IDENTITY -> "ADD_IDENTITY";
            case REMOVE_IDENTITY -> "REMOVE_IDENTITY";
            case REMOVE_ALL_IDENTITIES -> "REMOVE_ALL_IDENTITIES";
            case LOCK -> "LOCK";
            case UNLOCK -> "UNLOCK";
            case SSH2_AGENT_FAILURE, SSH_COM_AGENT2_FAILURE -> "FAILURE(" + type + ")";
            default -> "type " + type;
        };
    }
}
