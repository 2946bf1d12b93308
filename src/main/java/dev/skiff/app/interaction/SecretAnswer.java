package dev.skiff.app.interaction;

/**
 * A secret the user typed and whether to remember it. Holds the array itself (not a copy); the
 * receiver wipes it. {@link #toString()} hides the secret.
 */
public record SecretAnswer(char[] secret, boolean remember) {
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "SecretAnswer[hidden, remember=" + remember + "]";
    }
}
