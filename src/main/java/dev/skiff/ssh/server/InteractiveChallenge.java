package dev.skiff.ssh.server;

import dev.skiff.ssh.userauth.Prompt;
import java.util.List;
import java.util.Objects;

/**
 * One keyboard-interactive round the server asks (RFC 4256 section 3.2): a name, an instruction
 * and prompts, each with an echo flag ({@code false} for passwords and one-time codes).
 */
public record InteractiveChallenge(String name, String instruction, List<Prompt> prompts) {
    public InteractiveChallenge {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instruction, "instruction");
        prompts = List.copyOf(prompts);
    }

    /** A round with one prompt. */
    public static InteractiveChallenge of(String prompt, boolean echo) {
        return new InteractiveChallenge("", "", List.of(new Prompt(prompt, echo)));
    }
}
