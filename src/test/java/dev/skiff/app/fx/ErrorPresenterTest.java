package dev.skiff.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.ssh.AuthenticationCancelledException;
import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.ConnectFailedException;
import dev.skiff.ssh.HostKeyRejectedException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** One user-facing message per exception type. */
class ErrorPresenterTest {
    private final ErrorPresenter presenter = new ErrorPresenter();

    @Test
    void authenticationFailureKeepsTheStacksMessage() {
        UserMessage m = presenter.present(new ExecutionException(new AuthenticationException(
                "Authentication failed for alice@host: tried password; the server allows publickey,password",
                List.of("publickey", "password"))));
        assertEquals("Authentication failed", m.title());
        assertEquals("Authentication failed for alice@host: tried password; the server allows publickey,password", m.text());
    }

    @Test
    void titlesByType() {
        assertEquals("Connection cancelled", presenter.present(new AuthenticationCancelledException("x", List.of())).title());
        assertEquals("Host key not accepted", presenter.present(new CompletionException(new HostKeyRejectedException("k"))).title());
        assertEquals("Unexpected error", presenter.present(new IllegalStateException("boom")).title());
        assertEquals("IllegalStateException: boom", presenter.present(new IllegalStateException("boom")).text());
    }

    @Test
    void connectFailureNamesItsCauseAndServerTextIsMadeVisible() {
        UserMessage m = presenter.present(new ConnectFailedException("connect to host h port 22",
                new ConnectException("Connection refused")));
        assertEquals("Cannot connect", m.title());
        assertEquals("Connect to host h port 22 (Connection refused)", m.text());
        assertEquals("Host key not accepted: ^[[2J",
                presenter.present(new HostKeyRejectedException("Host key not accepted: \u001b[2J")).text());
        assertEquals("Opening the SFTP browser failed: permission denied",
                presenter.present("Opening the SFTP browser", new HostKeyRejectedException("Permission denied")).text());
    }
}
