/**
 * OpenSSH client configuration ({@code ~/.ssh/config}, {@code /etc/ssh/ssh_config}): lexing,
 * {@code Host}/{@code Match}/{@code Include} evaluation and the effective settings for one
 * destination.
 *
 * <p>Entry points: {@link dev.skiff.ssh.config.SshConfigEvaluator} (builder: destination,
 * {@code -l}, {@code -p}, {@code -o}, {@code -F}) and {@link dev.skiff.ssh.config.SshConfigs}
 * (static shortcuts). The result is an immutable {@link dev.skiff.ssh.config.HostConfig};
 * {@link dev.skiff.ssh.config.HostConfigDump} prints it like {@code ssh -G}.
 *
 * <p>Semantics follow OpenSSH 9.2 (checked against {@code ssh -G}): case-insensitive keywords,
 * {@code Keyword value} or {@code Keyword=value}, quotes and {@code #} comments; the first
 * obtained value wins, except {@code IdentityFile}, {@code CertificateFile}, forwards and
 * {@code SendEnv}, which accumulate (and {@code SetEnv}, {@code UserKnownHostsFile},
 * {@code GlobalKnownHostsFile}, where the first line wins as a whole); {@code Host} matches the
 * destination as typed, a matching {@code !pattern} excludes the block; {@code Include} resolves
 * relative paths in {@code ~/.ssh} (user files) or {@code /etc/ssh} (system files), expands globs,
 * nests up to 16 deep, rejects cycles, and applies nothing when it sits in a non-matching block.
 * Malformed values of known keywords raise {@link dev.skiff.ssh.config.SshConfigException} with
 * file and line, also inside non-matching blocks; unknown keywords are ignored with a debug log.
 *
 * <p>Not implemented: {@code Match exec} (never runs a command; treated as not matching),
 * {@code CanonicalizeHostname} and friends (ignored, so {@code Match canonical} holds only in the
 * final pass that {@code Match final} triggers), the {@code %i}, {@code %j}, {@code %T} tokens,
 * {@code ~user/} paths, {@code IgnoreUnknown}, and the ownership/permission check OpenSSH applies
 * to configuration files. Keywords outside {@link dev.skiff.ssh.config.Keyword} are ignored.
 */
package dev.skiff.ssh.config;
