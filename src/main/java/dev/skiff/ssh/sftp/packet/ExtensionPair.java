package dev.skiff.ssh.sftp.packet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An extension-pair of INIT/VERSION (section 4): {@code string name, string data}. */
public record ExtensionPair(String name, byte[] data) {
    public ExtensionPair {
        data = data.clone();
    }

    public static ExtensionPair of(String name, String data) {
        return new ExtensionPair(name, data.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public String dataText() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtensionPair p && p.name.equals(name) && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return name + "=" + dataText();
    }
}
