package dev.skiff.ssh.userauth;

/**
 * Receives SSH_MSG_USERAUTH_BANNER text (RFC 4252 section 5.4) as it arrives during authentication:
 * the raw, untrusted server text. Display it through {@link UntrustedText#visible(String)} so that
 * control characters cannot drive the terminal.
 *
 * <p>Called on the authenticating worker thread (never the reader thread); should return quickly
 * (a GUI hands the text to the FX thread and returns).
 */
@FunctionalInterface
public interface BannerListener {
    BannerListener IGNORE = text -> {
    };

    void banner(String text);

    /** The banner text with control characters made visible; see {@link UntrustedText#visible}. */
    static String visible(String text) {
        return UntrustedText.visible(text);
    }
}
