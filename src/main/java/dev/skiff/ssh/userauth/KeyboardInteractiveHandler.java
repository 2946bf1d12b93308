package dev.skiff.ssh.userauth;

import java.util.List;

/**
 * Answers keyboard-interactive rounds (RFC 4256 section 3.3): PAM's "Password: ", one-time codes,
 * and similar. The CLI prints the name and instruction and reads each answer (without echo where
 * {@link Prompt#echo()} is false); the GUI shows one dialog per round.
 *
 * <p>Called on the authenticating worker thread; may block while the user types. All text is
 * untrusted server text (see {@link UntrustedText#visible}). Rounds without prompts are answered by
 * Skiff without calling {@link #answer}; their name and instruction, if any, go to
 * {@link #information}.
 */
public interface KeyboardInteractiveHandler {
    /**
     * Answers one round.
     *
     * @return one answer per prompt, in order, or {@code null} to cancel authentication. Skiff wipes
     *     the arrays after sending them.
     */
    char[][] answer(String user, String host, String name, String instruction, List<Prompt> prompts);

    /** A round without prompts that carries a name or an instruction. Default: ignored. */
    default void information(String user, String host, String name, String instruction) {
    }

    /**
     * A handler for a password given up front: answers a round whose prompts are all non-echoing
     * (PAM's "Password: ") with copies of {@code password}; cancels any other round. The caller keeps
     * and wipes {@code password}.
     */
    static KeyboardInteractiveHandler ofPassword(char[] password) {
        return (user, host, name, instruction, prompts) -> {
            if (prompts.stream().anyMatch(Prompt::echo)) {
                return null;
            }
            char[][] answers = new char[prompts.size()][];
            for (int i = 0; i < answers.length; i++) {
                answers[i] = password.clone();
            }
            return answers;
        };
    }
}
