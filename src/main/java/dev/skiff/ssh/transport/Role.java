package dev.skiff.ssh.transport;

/** Which end of the connection this transport is. */
public enum Role {
    CLIENT,
    SERVER
}
