package dev.skiff.app.fx;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Display text for choice controls. */
public final class Labels {
    private Labels() {
    }

    /** A one-way converter for ChoiceBox / ComboBox items: {@code label} names each value ("" for none). */
    public static <T> StringConverter<T> of(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
