package dev.skiff.app.interaction;

import dev.skiff.ssh.userauth.Prompt;
import dev.skiff.ssh.userauth.UntrustedText;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One keyboard-interactive round as a form (RFC 4256 section 3.2): the round's name as title, its
 * instruction, and one answer field per prompt, hidden unless the prompt allows echo. All server
 * text is made visible-safe here ({@link UntrustedText#visible}). FX thread (plain properties).
 */
public final class KeyboardInteractiveViewModel {
    /** One prompt of the round and its answer. */
    public record Field(String label, boolean echo, StringProperty answer) {
    }

    private final String title;
    private final String subject;
    private final String instruction;
    private final List<Field> fields;

    public KeyboardInteractiveViewModel(String user, String host, String name, String instruction, List<Prompt> prompts) {
        this.title = name == null || name.isBlank() ? "Authentication" : UntrustedText.visible(name.strip());
        this.subject = user + "@" + host;
        this.instruction = instruction == null ? "" : UntrustedText.visible(instruction.strip());
        this.fields = prompts.stream()
                .map(p -> new Field(UntrustedText.visible(p.text().strip()), p.echo(), new SimpleStringProperty("")))
                .toList();
    }

    public String title() {
        return title;
    }

    public String subject() {
        return subject;
    }

    /** Empty when the server sent none. */
    public String instruction() {
        return instruction;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The answers as fresh arrays, in prompt order; clears the fields. */
    public char[][] takeAnswers() {
        char[][] answers = new char[fields.size()][];
        for (int i = 0; i < answers.length; i++) {
            String text = fields.get(i).answer().get();
            answers[i] = text == null ? new char[0] : text.toCharArray();
            fields.get(i).answer().set("");
        }
        return answers;
    }
}
