package io.poolforge.plan;

import io.poolforge.domain.rules.Severity;
import io.poolforge.domain.rules.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One problem found in a plan: a stable code (a {@code RuleCode} name for the domain rules,
 * {@code PLAN_*} for the document's own structure), severity, message key and arguments
 * (render with {@code messages.get(messageKey(), argsArray())}), the JSON pointer it is about
 * (structure only) and the Azure page the rule comes from (rules only).
 */
public record Finding(String code, Severity severity, String messageKey, List<Object> args, String path, String source) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageKey, "messageKey");
        args = args == null ? List.of() : List.copyOf(args.stream().map(a -> a == null ? (Object) "" : a).toList());
    }

    /** A structural error of the document at {@code path} (the message's {0}; {@code args} follow). */
    public static Finding structure(String code, String messageKey, String path, Object... args) {
        List<Object> all = new ArrayList<>();
        all.add(path);
        all.addAll(Arrays.asList(args));
        return new Finding(code, Severity.ERROR, messageKey, all, path, null);
    }

    public static Finding of(Violation v) {
        return new Finding(v.code().name(), v.severity(), v.messageKey(), v.args(), null, v.source());
    }

    public boolean blocks() { return severity == Severity.ERROR; }

    public Object[] argsArray() { return args.toArray(); }

    public static boolean anyBlocking(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::blocks);
    }
}
