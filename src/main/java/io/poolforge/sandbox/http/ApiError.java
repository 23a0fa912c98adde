package io.poolforge.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error answer in ARM's shape: {@code {"error":{"code":...,"message":...}}} with a status. */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final int status;
    public final String code;
    public final transient Map<String, String> headers = new LinkedHashMap<>();
    /** Batch's error details (name → value: "PropertyName", "Reason"), shown as ARM {@code details} or data-plane {@code values}. */
    final transient Map<String, String> details = new LinkedHashMap<>();

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public ApiError detail(String name, String value) {
        details.put(name, value);
        return this;
    }

    public ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static ApiError notFound(String type, String name, String group) {
        if (group == null) {
            return new ApiError(404, "ResourceNotFound", "The Resource '" + type + "/" + name + "' was not found.");
        }
        return new ApiError(404, "ResourceNotFound", "The Resource '" + type + "/" + name
                + "' under resource group '" + group + "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }
}
