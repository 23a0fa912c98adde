package io.poolforge.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one application exception. It carries a message key (looked up in the i18n bundles by
 * whoever shows it) and its arguments, and optionally the code and request id that Azure gave.
 * {@link #getMessage()} is for logs only: key, arguments and Azure detail, never a token.
 */
public class PoolForgeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> args;
    private final String azureCode;
    private final String requestId;

    public PoolForgeException(String key, Object... args) {
        this(key, null, null, null, args);
    }

    public PoolForgeException(String key, Throwable cause, Object... args) {
        this(key, cause, null, null, args);
    }

    public PoolForgeException(String key, Throwable cause, String azureCode, String requestId, Object... args) {
        super(key, cause);
        this.key = Objects.requireNonNull(key, "key");
        this.args = List.copyOf(Arrays.stream(args == null ? new Object[0] : args)
                .map(a -> a == null ? "" : a).toList());
        this.azureCode = azureCode;
        this.requestId = requestId;
    }

    public String key() { return key; }

    public Object[] args() { return args.toArray(); }

    /** The error code Azure returned, or null. */
    public String azureCode() { return azureCode; }

    /** The x-ms-request-id of the failing call, or null. */
    public String requestId() { return requestId; }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(key);
        if (!args.isEmpty()) sb.append(' ').append(args);
        if (azureCode != null) sb.append(" code=").append(azureCode);
        if (requestId != null) sb.append(" requestId=").append(requestId);
        return SecretMasker.mask(sb.toString());
    }
}
