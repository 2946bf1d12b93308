package dev.skiff.ssh.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One lexed ssh_config line: a lower-cased keyword, its arguments, and the raw text after the
 * keyword (for {@code ProxyCommand}-style keywords that take the rest of the line verbatim).
 *
 * <p>Lexing follows OpenSSH: the keyword ends at white space or {@code =}; one {@code =} (with
 * white space around it) may separate keyword and value; arguments are split on blanks and tabs;
 * single or double quotes group words (the quotes are removed); a backslash escapes a quote, a
 * backslash, or (outside quotes) a blank; an argument starting with {@code #} ends the line.
 *
 * @param keyword lower case
 * @param args arguments with quotes removed; never empty
 * @param rest the text after the keyword and separator, trailing white space removed
 * @param origin file name or {@code command-line}
 * @param number 1-based line number (0 for command-line options)
 */
public record ConfigLine(String keyword, List<String> args, String rest, String origin, int number) {

    public ConfigLine {
        args = List.copyOf(args);
    }

    /**
     * Lexes one line.
     *
     * @return empty for blank and comment lines
     * @throws SshConfigException for a keyword without argument or an unterminated quote
     */
    public static Optional<ConfigLine> parse(String text, String origin, int number) throws SshConfigException {
        String s = stripTrailing(text);
        int i = skipBlanks(s, 0);
        if (i >= s.length() || s.charAt(i) == '#') {
            return Optional.empty();
        }
        int start = i;
        while (i < s.length() && !isBlank(s.charAt(i)) && s.charAt(i) != '=' && s.charAt(i) != '"') {
            i++;
        }
        String keyword = s.substring(start, i).toLowerCase(Locale.ROOT);
        i = skipBlanks(s, i);
        if (i < s.length() && s.charAt(i) == '=') {
            i = skipBlanks(s, i + 1);
        }
        String rest = s.substring(i);
        if (keyword.isEmpty() || rest.isEmpty()) {
            throw new SshConfigException(origin, number, "no argument after keyword \"" + keyword + "\"");
        }
        List<String> args = split(rest, origin, number);
        if (args.isEmpty()) {
            throw new SshConfigException(origin, number, "no argument after keyword \"" + keyword + "\"");
        }
        return Optional.of(new ConfigLine(keyword, args, rest, origin, number));
    }

    /** Splits arguments as OpenSSH's {@code argv_split} does, stopping at a {@code #} token. */
    static List<String> split(String s, String origin, int number) throws SshConfigException {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isBlank(c)) {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            StringBuilder arg = new StringBuilder();
            char quote = 0;
            for (; i < s.length(); i++) {
                c = s.charAt(i);
                char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
                if (c == '\\' && (next == '\'' || next == '"' || next == '\\' || (quote == 0 && next == ' '))) {
                    arg.append(next);
                    i++;
                } else if (quote == 0 && isBlank(c)) {
                    break;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                } else {
                    arg.append(c);
                }
            }
            if (quote != 0) {
                throw new SshConfigException(origin, number, "invalid quotes");
            }
            out.add(arg.toString());
        }
        return out;
    }

    /** The first argument. */
    public String arg() {
        return args.get(0);
    }

    /** Builds an error located at this line. */
    public SshConfigException error(String message) {
        return new SshConfigException(origin, number, message);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (isBlank(s.charAt(i)) || s.charAt(i) == '\r' || s.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && " \t\r\n\f".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
