package io.poolforge.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in free text before it reaches a log, a session file or an export:
 * bearer tokens, Authorization headers, JWTs, account keys, client secrets, SAS signatures,
 * and OAuth codes/tokens in form bodies and query strings.
 */
public final class SecretMasker {
    public static final String MASK = "***";

    private static final Pattern[] PATTERNS = {
        // Authorization: Bearer xxx / Authorization: SharedKey acct:sig / Authorization=...
        Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?)([^\"\\r\\n,}]+)"),
        Pattern.compile("(?i)(bearer\\s+)([A-Za-z0-9\\-._~+/]+=*)"),
        // JWTs anywhere (header.payload.signature)
        Pattern.compile("()(eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*)"),
        // Storage/Batch account keys in connection strings and JSON
        Pattern.compile("(?i)(AccountKey=)([^;\\s\"]+)"),
        Pattern.compile("(?i)(\"(?:primary|secondary)?key\"\\s*:\\s*\")([^\"]+)"),
        // SAS signature in URLs
        Pattern.compile("(?i)([?&]sig=)([^&\\s\"]+)"),
        // OAuth fields in form bodies, query strings and JSON
        Pattern.compile("(?i)((?:access_token|refresh_token|id_token|client_secret|code_verifier|assertion|password)\"?\\s*[=:]\\s*\"?)([^&\\s\"]+)"),
        Pattern.compile("(?i)([?&]code=)([^&\\s\"]+)"),
    };

    private SecretMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(out);
            if (!m.find()) continue;
            StringBuilder sb = new StringBuilder();
            do {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + MASK));
            } while (m.find());
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }
}
