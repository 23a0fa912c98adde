package io.poolforge.domain.nodes;

import java.util.List;
import java.util.Objects;

/** A ComputeNodeError: {@code code}, {@code message} and {@code errorDetails} (name/value pairs), as Batch reports them. */
public record NodeError(String code, String message, List<Detail> details) {
    public NodeError {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static NodeError of(String code, String message) {
        return new NodeError(code, message, List.of());
    }

    /** One errorDetails entry. */
    public record Detail(String name, String value) {
    }
}
