package io.poolforge.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One of a pool's {@code resizeErrors}: code (AllocationFailed, AllocationTimedout, ...), message,
 * name/value details, and the relayed provider error JSON text (from the values or the ARM
 * {@code details}), null when there is none.
 */
public record ResizeError(String code, String message, List<NameValue> values, String providerErrorJson) {
    public ResizeError {
        Objects.requireNonNull(code, "code");
        if (message == null) message = "";
        values = values == null ? List.of() : List.copyOf(values);
        if (providerErrorJson == null) {
            providerErrorJson = values.stream()
                    .filter(v -> v.name() != null && v.name().toLowerCase(Locale.ROOT).contains("providererror")
                            && !v.name().toLowerCase(Locale.ROOT).contains("truncated"))
                    .map(NameValue::value).findFirst().orElse(null);
        }
    }

    public static ResizeError of(String code, String message) {
        return new ResizeError(code, message, List.of(), null);
    }

    /** The value named {@code name} (ignoring case), or null. */
    public String value(String name) {
        return values.stream().filter(v -> name.equalsIgnoreCase(v.name())).map(NameValue::value).findFirst()
                .orElse(null);
    }

    /** Message, values and provider JSON as one text, for matching. */
    public String allText() {
        StringBuilder sb = new StringBuilder(message);
        for (NameValue v : values) sb.append('\n').append(v.name()).append('=').append(v.value());
        if (providerErrorJson != null) sb.append('\n').append(providerErrorJson);
        return sb.toString();
    }
}
