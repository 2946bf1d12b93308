/**
 * X11 forwarding (RFC 4254 section 6.3), the parts both ends share and the client side: the
 * {@code x11-req} and {@code x11} channel-open records, DISPLAY parsing, {@code xauth} calls,
 * the connection-setup check that swaps the fake cookie for the real one, and the byte bridge
 * between an {@code x11} channel and a socket. The server side lives in
 * {@code dev.skiff.ssh.server} ({@code X11DisplayListener}).
 */
package dev.skiff.ssh.x11;
