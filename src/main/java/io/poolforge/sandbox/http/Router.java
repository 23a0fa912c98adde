package io.poolforge.sandbox.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Method + path regex → handler. Paths match case-insensitively, like ARM. */
public final class Router {
    /** Which front door a route belongs to: decides authentication, token audience and error format (PUBLIC: no token, like ARM's metadata). */
    public enum Plane { IDENTITY, ARM, BATCH, SANDBOX, PUBLIC }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
    }

    public record Route(String name, String method, Pattern pattern, Plane plane, Handler handler) {
    }

    public record Match(Route route, Matcher matcher, boolean pathKnown) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; {@code regex} is anchored, matched case-insensitively. */
    public Router add(String name, String method, String regex, Plane plane, Handler handler) {
        routes.add(new Route(name, method, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), plane, handler));
        return this;
    }

    public Match match(String method, String path) {
        boolean pathKnown = false;
        for (Route r : routes) {
            Matcher m = r.pattern.matcher(path);
            if (m.matches()) {
                if (r.method.equals(method)) return new Match(r, m, true);
                pathKnown = true;
            }
        }
        return new Match(null, null, pathKnown);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
