package io.poolforge.export;

/**
 * Quoting of user-given text (names, ids, regions) for the exported scripts. Everything a script
 * passes to a command goes through here, so no name can end a string, expand a variable or run a
 * command.
 */
public final class Quote {
    private Quote() {
    }

    /** A bash word: single quotes, each {@code '} written as {@code '\''}. Nothing expands inside. */
    public static String bash(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * A PowerShell verbatim string: single quotes, each quote doubled. PowerShell also takes the
     * typographic single quotes (U+2018, U+2019, U+201A, U+201B) as quotes, so those are doubled too.
     */
    public static String pwsh(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        for (char c : s.toCharArray()) {
            sb.append(c);
            if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /** Text for a one-line comment: line breaks and other control characters become spaces. */
    public static String comment(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
    }
}
