package dev.skiff.app.fx;

import dev.skiff.ssh.AuthenticationCancelledException;
import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.ChannelException;
import dev.skiff.ssh.ConnectFailedException;
import dev.skiff.ssh.HostKeyRejectedException;
import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.NoCommonAlgorithmException;
import dev.skiff.ssh.PeerDisconnectedException;
import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.userauth.UntrustedText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where the app turns exceptions into text for the user (DESIGN.md §6). The SSH
 * stack's messages already name the host, the step and the cause ("Authentication failed for
 * alice@host: tried keyboard-interactive; ..."); this class picks a title by exception type, unwraps
 * future wrappers, adds the cause where the message lacks it and makes control characters visible
 * (messages may quote server text). Stateless; any thread.
 */
public final class ErrorPresenter {

    /** The message for {@code error}; never null. */
    public UserMessage present(Throwable error) {
        Throwable e = unwrap(error);
        return new UserMessage(title(e), text(e));
    }

    /** The message for a failed step, e.g. {@code present("Opening the SFTP browser", e)}. */
    public UserMessage present(String step, Throwable error) {
        UserMessage m = present(error);
        return new UserMessage(m.title(), step + " failed: " + lowerFirst(m.text()));
    }

    /** Strips {@link CompletionException}, {@link ExecutionException} and {@link UncheckedIOException}. */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException || e instanceof UncheckedIOException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static String title(Throwable e) {
        if (e instanceof AuthenticationCancelledException) {
            return "Connection cancelled";
        } else if (e instanceof AuthenticationException) {
            return "Authentication failed";
        } else if (e instanceof HostKeyRejectedException) {
            return "Host key not accepted";
        } else if (e instanceof ConnectFailedException) {
            return "Cannot connect";
        } else if (e instanceof NoCommonAlgorithmException) {
            return "No common algorithm";
        } else if (e instanceof PeerDisconnectedException) {
            return "Disconnected by the server";
        } else if (e instanceof KeyFormatException) {
            return "Cannot read the key";
        } else if (e instanceof SftpException) {
            return "File operation failed";
        } else if (e instanceof ChannelException) {
            return "Request refused";
        } else if (e instanceof SshException) {
            return "Connection failed";
        } else if (e instanceof IOException) {
            return "Input/output error";
        }
        return "Unexpected error";
    }

    static String text(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        if (!(e instanceof SshException) && !(e instanceof IOException)) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        Throwable cause = e.getCause();
        if (e instanceof ConnectFailedException && cause != null && cause.getMessage() != null
                && !message.contains(cause.getMessage())) {
            message = message + " (" + cause.getMessage() + ")";
        }
        return UntrustedText.visible(upperFirst(message));
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }
}
