package dev.skiff.ssh.server;

import java.util.Objects;

/**
 * What the policy says after a keyboard-interactive round's answers: a final verdict, or another
 * round ({@link #next(InteractiveChallenge)}).
 */
public record InteractiveStep(AuthResult result, InteractiveChallenge challenge) {
    public InteractiveStep {
        if ((result == null) == (challenge == null)) {
            throw new IllegalArgumentException("either a result or a next challenge");
        }
    }

    public static InteractiveStep done(AuthResult result) {
        return new InteractiveStep(Objects.requireNonNull(result), null);
    }

    public static InteractiveStep next(InteractiveChallenge challenge) {
        return new InteractiveStep(null, Objects.requireNonNull(challenge));
    }

    public boolean isFinal() {
        return result != null;
    }
}
