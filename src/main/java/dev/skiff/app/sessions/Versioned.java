package dev.skiff.app.sessions;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A stored JSON document that carries a format version. */
interface Versioned {
    /** The version in the file. */
    int version();

    /** The newest version this code understands. */
    @JsonIgnore
    int currentVersion();
}
