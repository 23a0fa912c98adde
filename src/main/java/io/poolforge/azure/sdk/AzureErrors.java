package io.poolforge.azure.sdk;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.SecretMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the Azure SDK throws into a PoolForgeException: a localized key by kind (not
 * found, forbidden with the missing permission, throttled, conflict, quota, invalid parameter,
 * network unreachable, sign-in expired), Azure's code and the request id. Never a token.
 */
final class AzureErrors {
    private static final Pattern ACTION = Pattern.compile("(?i)perform action '([^']+)'");

    private AzureErrors() {
    }

    static PoolForgeException translate(RuntimeException e, String what) {
        if (e instanceof PoolForgeException pfe) return pfe;
        HttpResponseException http = find(e, HttpResponseException.class);
        if (http != null) return fromHttp(http, what);
        Throwable network = networkCause(e);
        if (network != null && !(network instanceof ConnectException) && !(network instanceof UnknownHostException)) {
            // The request may have reached Azure (no answer in time, connection dropped): its outcome is unknown.
            return new PoolForgeException("azure.error.outcomeUnknown", e, null, null, what,
                    io.poolforge.domain.FailureWords.of(network));
        }
        if (network != null) {
            return new PoolForgeException("azure.error.network", e, null, null, what, io.poolforge.domain.FailureWords.of(network));
        }
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("aadsts700082") || text.contains("aadsts50173") || text.contains("interaction_required")
                || text.contains("invalid_grant")) {
            return new PoolForgeException("azure.error.signInExpired", e, what);
        }
        // null, null: without them Java picks the (key, cause, azureCode, requestId, args...) overload and the args are lost.
        return new PoolForgeException("azure.error.unexpected", e, null, null, what, io.poolforge.domain.FailureWords.of(e));
    }

    private static PoolForgeException fromHttp(HttpResponseException e, String what) {
        HttpResponse response = e.getResponse();
        int status = response == null ? 0 : response.getStatusCode();
        String requestId = response == null ? null : firstNonNull(response.getHeaderValue("x-ms-request-id"),
                response.getHeaderValue("request-id"), response.getHeaderValue("x-ms-correlation-request-id"));
        String code = null;
        String message = e.getMessage();
        if (e instanceof ManagementException me && me.getValue() != null) {
            ManagementError err = me.getValue();
            code = err.getCode();
            if (err.getMessage() != null) message = err.getMessage();
        }
        message = SecretMasker.mask(message == null ? "" : message);
        String lowerCode = code == null ? "" : code.toLowerCase(Locale.ROOT);
        String key;
        Object[] args;
        if (status == 401 || lowerCode.contains("expiredauthenticationtoken") || lowerCode.contains("invalidauthenticationtoken")) {
            key = "azure.error.signInExpired";
            args = new Object[] {what};
        } else if (status == 403) {
            Matcher m = ACTION.matcher(message);
            key = m.find() ? "azure.error.forbiddenAction" : "azure.error.forbidden";
            args = m.find(0) ? new Object[] {what, m.group(1)} : new Object[] {what};
        } else if (status == 404 && !names(message, what)) {
            // Azure says what is missing (the source disk, the resource group, the account): name that, not the target.
            key = "azure.error.notFoundOther";
            args = new Object[] {what, message};
        } else if (status == 404) {
            key = "azure.error.notFound";
            args = new Object[] {what};
        } else if (status == 429) {
            key = "azure.error.throttled";
            args = new Object[] {what};
        } else if (status == 409 && !lowerCode.contains("quota")) {
            key = "azure.error.conflict";
            args = new Object[] {what, message};
        } else if (lowerCode.contains("quota")) {
            key = "azure.error.quota";
            args = new Object[] {what, message};
        } else if (status == 400) {
            key = "azure.error.invalid";
            args = new Object[] {what, message};
        } else {
            key = "azure.error.service";
            args = new Object[] {what, status, message};
        }
        return new PoolForgeException(key, e, code, requestId, args);
    }

    /** True when Azure's not-found message is about {@code what} itself (or says nothing more specific). */
    private static boolean names(String message, String what) {
        if (message == null || message.isBlank() || what == null) return true;
        String m = message.toLowerCase(Locale.ROOT);
        boolean namesSomething = m.contains("/subscriptions/") || m.contains("'");
        return !namesSomething || m.contains(what.toLowerCase(Locale.ROOT));
    }

    private static Throwable networkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketException || t instanceof javax.net.ssl.SSLException) {
                return t;
            }
            if (t instanceof UncheckedIOException || t instanceof IOException) {
                if (t.getCause() == null) return t;
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
