package dev.skiff.ssh.agent;

import dev.skiff.ssh.AgentException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;

/** Checks on agent answers shared by {@link AgentClient}: refusals, SUCCESS, decoding errors. */
final class AgentAnswers {
    private AgentAnswers() {
    }

    /** A decoding step that may find the answer malformed. */
    interface Decoder<T> {
        T decode() throws ProtocolException;
    }

    /** Throws "agent refused {@code what}" if {@code answer} is a FAILURE (or an obsolete variant). */
    static void refusal(byte[] answer, String what) throws AgentException {
        if (AgentMessages.isFailure(answer[0] & 0xff)) {
            throw new AgentException("agent refused " + what);
        }
    }

    /** Requires a bare SUCCESS; a FAILURE is a refusal, anything else malformed. */
    static void expectSuccess(byte[] answer, String what) throws AgentException {
        refusal(answer, what);
        decode(() -> EmptyAgentMessage.decode(answer, AgentMessages.SUCCESS), what);
    }

    /** Runs {@code decoder}, turning a {@link ProtocolException} into an {@link AgentException}. */
    static <T> T decode(Decoder<T> decoder, String what) throws AgentException {
        try {
            return decoder.decode();
        } catch (ProtocolException e) {
            throw new AgentException("malformed answer from the SSH agent (" + what + "): " + e.getMessage(), e);
        }
    }

    /** The key type at the start of a blob, for log messages. */
    static String keyTypeOf(byte[] blob) {
        try {
            return new WireReader(blob).ascii();
        } catch (ProtocolException e) {
            return "of unreadable type";
        }
    }
}
