package dev.skiff.ssh.server;

import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.userauth.Prompt;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy of the server tests: alice/password "secret", bob/publickey, carol/keyboard-interactive
 * in two rounds, dave/publickey then keyboard-interactive (a chain), guest/none. Commands run in
 * process: "out-err" prints to both streams and exits 3; "env NAME" prints a variable; "cat"
 * echoes stdin; anything else runs as a real process.
 */
class TestPolicy implements ServerPolicy {
    final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    @Override
    public List<String> allowedMethods(AuthContext ctx) {
        if ("dave".equals(ctx.user())) {
            return ctx.completed("publickey") ? List.of("keyboard-interactive") : List.of("publickey");
        }
        return ServerPolicy.super.allowedMethods(ctx);
    }

    @Override
    public AuthResult checkNone(AuthContext ctx) {
        return "guest".equals(ctx.user()) ? AuthResult.SUCCESS : AuthResult.FAILURE;
    }

    @Override
    public AuthResult checkPassword(AuthContext ctx, char[] password) {
        return "alice".equals(ctx.user()) && Arrays.equals(password, "secret".toCharArray()) ? AuthResult.SUCCESS
                : AuthResult.FAILURE;
    }

    @Override
    public boolean isPublicKeyAcceptable(AuthContext ctx, SshPublicKey key) {
        byte[] k = keys.get(ctx.user());
        return k != null && Arrays.equals(k, key.blob());
    }

    @Override
    public AuthResult checkPublicKey(AuthContext ctx, SshPublicKey key) {
        if (!isPublicKeyAcceptable(ctx, key)) {
            return AuthResult.FAILURE;
        }
        return "dave".equals(ctx.user()) ? AuthResult.PARTIAL : AuthResult.SUCCESS;
    }

    @Override
    public InteractiveChallenge startKeyboardInteractive(AuthContext ctx, String submethods) {
        if ("carol".equals(ctx.user())) {
            return new InteractiveChallenge("Login", "two rounds", List.of(new Prompt("Name: ", true),
                    new Prompt("Password: ", false)));
        }
        if ("dave".equals(ctx.user()) && ctx.completed("publickey")) {
            return InteractiveChallenge.of("Code: ", false);
        }
        return null;
    }

    @Override
    public InteractiveStep answerKeyboardInteractive(AuthContext ctx, char[][] responses) {
        if ("carol".equals(ctx.user()) && responses.length == 2) {
            if (new String(responses[0]).equals("carol") && new String(responses[1]).equals("pw1")) {
                return InteractiveStep.next(new InteractiveChallenge("", "round 2", List.of(new Prompt("OTP: ", false))));
            }
        } else if ("carol".equals(ctx.user()) && responses.length == 1 && new String(responses[0]).equals("123456")) {
            return InteractiveStep.done(AuthResult.SUCCESS);
        } else if ("dave".equals(ctx.user()) && responses.length == 1 && new String(responses[0]).equals("42")) {
            return InteractiveStep.done(AuthResult.SUCCESS);
        }
        return InteractiveStep.done(AuthResult.FAILURE);
    }

    @Override
    public boolean allowSession(String user) {
        return true;
    }

    @Override
    public boolean allowPty(String user, PtyInfo pty) {
        return true;
    }

    @Override
    public boolean acceptEnv(String user, String name, String value) {
        return name.startsWith("SKIFF_");
    }

    @Override
    public ServerCommand exec(SessionInfo session, String command) {
        if (command.equals("out-err")) {
            return (in, out, err) -> {
                out.write("out\n".getBytes(StandardCharsets.UTF_8));
                err.write("err\n".getBytes(StandardCharsets.UTF_8));
                return ExitStatus.ofCode(3);
            };
        }
        if (command.startsWith("env ")) {
            return (in, out, err) -> {
                out.write(String.valueOf(session.environment().get(command.substring(4))).getBytes(StandardCharsets.UTF_8));
                return ExitStatus.ofCode(0);
            };
        }
        if (command.equals("cat")) {
            return (in, out, err) -> {
                in.transferTo(out);
                return ExitStatus.ofCode(0);
            };
        }
        return SystemCommands.exec(session, command);
    }

    @Override
    public ServerCommand shell(SessionInfo session) {
        return SystemCommands.shell(session);
    }

    @Override
    public boolean allowDirectTcpip(String user, String host, int port, String originator) {
        return true;
    }

    @Override
    public boolean allowRemoteForward(String user, String bindAddress, int port) {
        return true;
    }
}
