package dev.skiff.ssh.userauth;

import java.util.Objects;

/**
 * The answer to a password change request (RFC 4252 section 8): the old and the new password.
 * Secrets: {@link #toString()} hides them and {@link #wipe()} overwrites both arrays (Skiff calls
 * it after sending). The record holds the caller's arrays, not copies.
 */
public record PasswordChange(char[] oldPassword, char[] newPassword) {
    public PasswordChange {
        Objects.requireNonNull(oldPassword, "oldPassword");
        Objects.requireNonNull(newPassword, "newPassword");
    }

    public void wipe() {
        Secrets.wipe(oldPassword);
        Secrets.wipe(newPassword);
    }

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
        return "PasswordChange[hidden]";
    }
}
