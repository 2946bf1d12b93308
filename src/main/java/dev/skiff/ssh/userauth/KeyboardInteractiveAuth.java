package dev.skiff.ssh.userauth;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.wire.WireWriter;

/**
 * The {@code keyboard-interactive} method (RFC 4256). Request fields: string language tag (empty),
 * string submethods (empty: let the server choose). The server then sends any number of
 * INFO_REQUEST rounds (section 3.2), each answered by one INFO_RESPONSE (section 3.4), until
 * USERAUTH_SUCCESS or USERAUTH_FAILURE. Rounds without prompts (PAM information, OpenSSH's final
 * empty round) are answered with an empty response without asking the user (section 3.3: the
 * client "MUST still send" a response). At most {@link #MAX_ROUNDS} rounds per attempt so that a
 * server cannot keep us answering empty rounds forever.
 */
final class KeyboardInteractiveAuth {
    static final int MAX_ROUNDS = 100;

    private KeyboardInteractiveAuth() {
    }

    /**
     * Runs one keyboard-interactive attempt. Returns {@link UserauthSuccess} or the
     * {@link UserauthFailure}. Worker thread; blocks while the handler asks the user.
     *
     * @throws dev.skiff.ssh.AuthenticationCancelledException when the handler cancels a round
     */
    static AuthReply attempt(UserAuthClient c, KeyboardInteractiveHandler handler, String host) throws SshException {
        c.request("keyboard-interactive", new WireWriter().utf8("").utf8("").toByteArray(),
                AuthState.KEYBOARD_INTERACTIVE);
        AuthReply reply = c.await();
        for (int round = 1; reply instanceof UserauthInfoRequest req; round++) {
            if (round > MAX_ROUNDS) {
                throw new ProtocolException("more than " + MAX_ROUNDS + " keyboard-interactive rounds");
            }
            UserauthInfoResponse response = new UserauthInfoResponse(answers(c, handler, host, req));
            try {
                c.send(response.encode(), AuthState.KEYBOARD_INTERACTIVE);
            } finally {
                response.wipe();
            }
            reply = c.await();
        }
        return reply;
    }

    /** The answers to one round: empty without asking for a round without prompts. */
    static char[][] answers(UserAuthClient c, KeyboardInteractiveHandler handler, String host, UserauthInfoRequest req)
            throws SshException {
        if (req.prompts().isEmpty()) {
            if (!req.name().isEmpty() || !req.instruction().isEmpty()) {
                handler.information(c.user(), host, req.name(), req.instruction());
            }
            return new char[0][];
        }
        char[][] answers = handler.answer(c.user(), host, req.name(), req.instruction(), req.prompts());
        if (answers == null) {
            throw c.cancelled(host, "keyboard-interactive prompt");
        }
        boolean complete = answers.length == req.prompts().size();
        for (char[] a : answers) {
            complete &= a != null;
        }
        if (!complete) {
            for (char[] a : answers) {
                Secrets.wipe(a);
            }
            throw new SshException("the keyboard-interactive handler gave " + answers.length + " answers to "
                    + req.prompts().size() + " prompts");
        }
        return answers;
    }
}
