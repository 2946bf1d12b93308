package dev.skiff.cli;

import dev.skiff.ssh.transport.TransportConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OpenSSH {@code -o Keyword=value} options that shape the transport. Keywords are
 * case-insensitive; {@code Keyword value} (space) is accepted too; the first value wins, as in
 * OpenSSH.
 */
final class SshOptions {
    private static final List<String> KNOWN = List.of("kexalgorithms", "ciphers", "macs", "hostkeyalgorithms",
            "compression", "connecttimeout");
    private final Map<String, String> values;

    private SshOptions(Map<String, String> values) {
        this.values = values;
    }

    static SshOptions parse(List<String> options) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String o : options) {
            String s = o.trim();
            int eq = s.indexOf('=');
            int sp = s.indexOf(' ');
            int cut = eq >= 0 && (sp < 0 || eq < sp) ? eq : sp;
            if (cut <= 0) {
                throw new IllegalArgumentException("bad option \"" + o + "\" (expected Keyword=value)");
            }
            String key = s.substring(0, cut).trim().toLowerCase(Locale.ROOT);
            String value = s.substring(cut + 1).trim();
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unsupported option \"" + s.substring(0, cut) + "\"");
            }
            map.putIfAbsent(key, value);
        }
        return new SshOptions(map);
    }

    String hostKeyAlgorithms() {
        return values.get("hostkeyalgorithms");
    }

    TransportConfig.Builder apply(TransportConfig.Builder b) {
        values.forEach((k, v) -> {
            switch (k) {
                case "kexalgorithms" -> b.kexAlgorithms(v);
                case "ciphers" -> b.ciphers(v);
                case "macs" -> b.macs(v);
                case "hostkeyalgorithms" -> b.hostKeyAlgorithms(v);
                case "compression" -> b.compression(v);
                case "connecttimeout" -> {
                    try {
                        b.connectTimeout(Duration.ofSeconds(Long.parseLong(v)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad ConnectTimeout \"" + v + "\"");
                    }
                }
                default -> throw new IllegalArgumentException("unsupported option " + k);
            }
        });
        return b;
    }
}
