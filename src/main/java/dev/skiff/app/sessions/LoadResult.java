package dev.skiff.app.sessions;

import java.util.Optional;

/**
 * What loading a stored document gave: the document (empty defaults if the file was missing or
 * unusable) and, when the file could not be used, a message for the user saying what happened and
 * where the old file was kept.
 *
 * @param value the loaded or default document
 * @param problem user-facing text, present only when the file was set aside
 * @param <T> the document type
 */
public record LoadResult<T>(T value, Optional<String> problem) {
}
