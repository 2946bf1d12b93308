package dev.skiff.ssh.userauth;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;

/**
 * The user authentication request in progress (client side), which decides how a reply is
 * decoded: message 60 is PK_OK after a publickey query (RFC 4252 section 7), PASSWD_CHANGEREQ after
 * a password request (section 8) and INFO_REQUEST during keyboard-interactive (RFC 4256 section
 * 3.2). Anything not expected in the current state is a protocol error.
 */
enum AuthState {
    IDLE, NONE, PUBLICKEY_QUERY, PUBLICKEY_SIGNED, PASSWORD, KEYBOARD_INTERACTIVE, AUTHENTICATED;

    /** Decodes {@code payload} (a reply to the request of this state) into its record. */
    AuthReply decode(byte[] payload) throws ProtocolException {
        int id = payload[0] & 0xff;
        if (this == IDLE || this == AUTHENTICATED) {
            throw new ProtocolException("unexpected " + SshMessages.name(id) + " with no authentication request pending");
        }
        switch (id) {
            case SshMessages.USERAUTH_SUCCESS:
                return UserauthSuccess.decode(payload);
            case SshMessages.USERAUTH_FAILURE:
                return UserauthFailure.decode(payload);
            case 60:
                switch (this) {
                    case PUBLICKEY_QUERY:
                        return UserauthPkOk.decode(payload);
                    case PASSWORD:
                        return UserauthPasswdChangereq.decode(payload);
                    case KEYBOARD_INTERACTIVE:
                        return UserauthInfoRequest.decode(payload);
                    default:
                        throw new ProtocolException("unexpected message 60 after a " + method() + " request");
                }
            default:
                throw new ProtocolException("unexpected " + SshMessages.name(id) + " after a " + method() + " request");
        }
    }

    /** The method name of the request in progress. */
    String method() {
        switch (this) {
            case NONE:
                return "none";
            case PUBLICKEY_QUERY:
            case PUBLICKEY_SIGNED:
                return "publickey";
            case PASSWORD:
                return "password";
            case KEYBOARD_INTERACTIVE:
                return "keyboard-interactive";
            default:
                return "(no request)";
        }
    }
}
