/**
 * Client user authentication (RFC 4252, RFC 4256).
 *
 * <p>Front ends build an {@link dev.skiff.ssh.userauth.AuthenticationPlan} (user, ordered
 * {@link dev.skiff.ssh.userauth.Identity} list, {@link dev.skiff.ssh.userauth.PasswordProvider},
 * {@link dev.skiff.ssh.userauth.KeyboardInteractiveHandler},
 * {@link dev.skiff.ssh.userauth.BannerListener}, PreferredAuthentications, NumberOfPasswordPrompts,
 * MaxAuthTries) and call {@code SshConnection.authenticate(plan)} on a worker thread. The SPIs are
 * called on that worker thread; a GUI completes a {@code CompletableFuture} from its dialog and the
 * SPI waits for it with a timeout. Server text is passed raw; display it through
 * {@link dev.skiff.ssh.userauth.UntrustedText#visible(String)}.
 *
 * <p>Failures are checked exceptions under {@link dev.skiff.ssh.AuthenticationException}:
 * {@link dev.skiff.ssh.AuthenticationCancelledException} (an SPI returned null),
 * {@link dev.skiff.ssh.AuthMethodNotAllowedException} (nothing the plan can do is allowed),
 * {@link dev.skiff.ssh.PartialAuthenticationException} (a chain was not completed).
 */
package dev.skiff.ssh.userauth;
