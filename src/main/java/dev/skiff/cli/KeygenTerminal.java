package dev.skiff.cli;

import java.io.Console;

/** Reads passphrases for {@link KeygenCommand} from the controlling terminal, without echo. */
@FunctionalInterface
interface KeygenTerminal {
    /**
     * @return the line typed (a fresh array the caller wipes)
     * @throws KeygenException when there is no terminal
     */
    char[] readPassphrase(String prompt);

    /** The process's console ({@link System#console()}). */
    static KeygenTerminal system() {
        return prompt -> {
            Console console = System.console();
            if (console == null) {
                throw new KeygenException("no terminal to read the passphrase from; give it with -P (old) or -N (new)");
            }
            char[] line = console.readPassword("%s", prompt);
            if (line == null) {
                throw new KeygenException("no passphrase entered");
            }
            return line;
        };
    }
}
