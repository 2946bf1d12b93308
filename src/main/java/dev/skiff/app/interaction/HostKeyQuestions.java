package dev.skiff.app.interaction;

import java.util.List;

/**
 * The questions {@link AppHostKeyVerifier} asks the user. {@link FxHostKeyQuestions} shows dialogs;
 * tests answer directly. Called on the connecting worker thread, never the FX thread; an
 * implementation may block until the user answers and must answer "cancel" on timeout.
 */
public interface HostKeyQuestions {

    /** The answer to an unknown host key. */
    enum NewKeyDecision {
        /** Accept for this run of Skiff only; nothing is written. */
        CONNECT_ONCE,
        /** Accept and append the key to Skiff's known_hosts file. */
        TRUST_AND_SAVE,
        /** Refuse: the connection attempt is cancelled. */
        CANCEL
    }

    /** The answer to a changed host key. */
    enum ChangedKeyDecision {
        /** The user confirmed the new fingerprint: replace the stored key and connect. */
        REPLACE,
        /** Refuse (the default). */
        CANCEL
    }

    /** No line for this host holds a key of this type. */
    NewKeyDecision unknownKey(PresentedHostKey key);

    /**
     * Lines for this host hold other keys of this type: possibly a man-in-the-middle attack.
     *
     * @param stored the lines holding the old keys, in file order
     */
    ChangedKeyDecision changedKey(PresentedHostKey key, List<StoredHostKey> stored);
}
