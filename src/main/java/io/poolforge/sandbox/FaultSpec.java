package io.poolforge.sandbox;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One fault to inject: what happens, to which requests, how many times.
 *
 * <p>Text form ({@code --fault SPEC}, docs/SANDBOX.md): {@code WHAT:METHOD:PATH[:COUNT]}
 * <ul>
 *   <li>WHAT: {@code 429} or {@code 429=SECONDS} (throttled, Retry-After, default 1), {@code 500}, {@code 503},
 *       {@code reset} (connection dropped without an answer), {@code latency=MILLIS} (answer delayed, then normal),
 *       {@code fail} or {@code fail=CODE} (the long-running operation the request starts ends Failed),
 *       {@code expire} (401 ExpiredAuthenticationToken, as if the bearer token had run out),
 *       {@code 403} or {@code 403=ACTION} (AuthorizationFailed; with ACTION, the message names the missing permission
 *       as ARM does: "does not have authorization to perform action 'ACTION'");</li>
 *   <li>METHOD: GET, PUT, POST, PATCH, DELETE or {@code *};</li>
 *   <li>PATH: a regular expression searched (case-insensitively) in the request path, e.g.
 *       {@code /virtualMachines}, or {@code @name} for a route name (see {@code GET /sandbox/state});</li>
 *   <li>COUNT: how many matching requests it hits (default: all of them; {@code *} too).</li>
 * </ul>
 * Example: {@code 429:GET:/virtualMachines:2} throttles the next two VM list or get requests.
 */
public final class FaultSpec {
    /** What a fault does. */
    public enum Kind { THROTTLE, SERVER_ERROR, UNAVAILABLE, RESET, LATENCY, FAIL_OPERATION, TOKEN_EXPIRED, FORBIDDEN }

    private final Kind kind;
    private final String method;
    private final String path;
    private final Pattern pattern;
    private final String routeName;
    private final int count;
    private final long argument;
    private final String code;

    private FaultSpec(Kind kind, String method, String path, int count, long argument, String code) {
        this.kind = Objects.requireNonNull(kind);
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.routeName = path.startsWith("@") ? path.substring(1) : null;
        this.pattern = routeName == null ? Pattern.compile(path, Pattern.CASE_INSENSITIVE) : null;
        this.count = count;
        this.argument = argument;
        this.code = code;
    }

    /** A fault for {@code count} matching requests ({@code -1}: all). */
    public static FaultSpec of(Kind kind, String method, String pathRegexOrAtRoute, int count) {
        long dflt = switch (kind) {
            case THROTTLE -> 1;
            case LATENCY -> 500;
            default -> 0;
        };
        return new FaultSpec(kind, method, pathRegexOrAtRoute, count, dflt, null);
    }

    /** The same fault with its argument: Retry-After seconds (429) or delay milliseconds (latency). */
    public FaultSpec withArgument(long value) {
        return new FaultSpec(kind, method, path, count, value, code);
    }

    /** The same fault with the error code a failed operation reports. */
    public FaultSpec withCode(String errorCode) {
        return new FaultSpec(kind, method, path, count, argument, errorCode);
    }

    /** Parses {@code WHAT:METHOD:PATH[:COUNT]}. */
    public static FaultSpec parse(String spec) {
        String[] p = spec.split(":");
        if (p.length < 3) throw new IllegalArgumentException("Fault spec '" + spec + "' is not WHAT:METHOD:PATH[:COUNT]");
        int last = p.length - 1;
        int count = -1;
        if (p.length > 3 && (p[last].matches("\\d+") || p[last].equals("*"))) {
            count = p[last].equals("*") ? -1 : Integer.parseInt(p[last]);
            last--;
        }
        String path = String.join(":", java.util.Arrays.copyOfRange(p, 2, last + 1));
        String method = p[1].isEmpty() ? "*" : p[1];
        if (!method.matches("(?i)\\*|GET|PUT|POST|PATCH|DELETE")) {
            throw new IllegalArgumentException("Fault spec '" + spec + "': unknown method '" + method + "'");
        }
        String what = p[0].toLowerCase(Locale.ROOT);
        String arg = what.contains("=") ? what.substring(what.indexOf('=') + 1) : null;
        String head = what.contains("=") ? what.substring(0, what.indexOf('=')) : what;
        Kind kind = switch (head) {
            case "429" -> Kind.THROTTLE;
            case "500" -> Kind.SERVER_ERROR;
            case "503" -> Kind.UNAVAILABLE;
            case "reset" -> Kind.RESET;
            case "latency" -> Kind.LATENCY;
            case "fail" -> Kind.FAIL_OPERATION;
            case "expire" -> Kind.TOKEN_EXPIRED;
            case "403" -> Kind.FORBIDDEN;
            default -> throw new IllegalArgumentException("Fault spec '" + spec + "': unknown fault '" + p[0]
                    + "' (429[=s], 500, 503, reset, latency=ms, fail[=CODE], expire, 403[=ACTION])");
        };
        FaultSpec f = of(kind, method, path, count);
        if (arg != null && (kind == Kind.FAIL_OPERATION || kind == Kind.FORBIDDEN)) return f.withCode(p[0].substring(p[0].indexOf('=') + 1));
        if (arg != null) {
            if (!arg.matches("\\d+")) throw new IllegalArgumentException("Fault spec '" + spec + "': '" + arg + "' is not a number");
            return f.withArgument(Long.parseLong(arg));
        }
        return f;
    }

    boolean matches(String reqMethod, String reqPath, String reqRoute) {
        if (!method.equals("*") && !method.equals(reqMethod)) return false;
        if (routeName != null) return routeName.equalsIgnoreCase(reqRoute);
        return pattern.matcher(reqPath).find();
    }

    public Kind kind() {
        return kind;
    }

    public int count() {
        return count;
    }

    long argument() {
        return argument;
    }

    String code() {
        return code == null ? "InternalOperationError" : code;
    }

    /** The action a 403 names, or null. */
    String action() {
        return kind == Kind.FORBIDDEN ? code : null;
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case THROTTLE -> "429=" + argument;
            case SERVER_ERROR -> "500";
            case UNAVAILABLE -> "503";
            case RESET -> "reset";
            case LATENCY -> "latency=" + argument;
            case FAIL_OPERATION -> code == null ? "fail" : "fail=" + code;
            case TOKEN_EXPIRED -> "expire";
            case FORBIDDEN -> code == null ? "403" : "403=" + code;
        };
        return what + ":" + method + ":" + path + ":" + (count < 0 ? "*" : String.valueOf(count));
    }
}
