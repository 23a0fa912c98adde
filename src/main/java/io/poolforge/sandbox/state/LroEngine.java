package io.poolforge.sandbox.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Long-running operations like ARM's: the chosen style's first answer, the operation-status and
 * operation-result endpoints, and completion when the (scaled) clock passes the operation's end.
 * Not thread-safe: the dispatcher calls it under the sandbox lock.
 */
public final class LroEngine {
    private enum State { IN_PROGRESS, SUCCEEDED, FAILED }

    private static final class Op {
        String id;
        String sub;
        String ns;
        String location;
        String apiVersion;
        boolean delete;
        ObjectNode resource;
        Instant start;
        Instant doneAt;
        String failCode;
        Runnable onSuccess;
        State state = State.IN_PROGRESS;
    }

    private final Clock clock;
    private final double timeScale;
    private final LroStyle forced;
    private final Map<String, Op> ops = new LinkedHashMap<>();

    public LroEngine(Clock clock, double timeScale, LroStyle forced) {
        this.clock = clock;
        this.timeScale = timeScale;
        this.forced = forced;
    }

    public void register(Router r) {
        String base = "/subscriptions/(?<sub>[^/]+)/providers/(?<ns>Microsoft\\.[A-Za-z]+)/locations/(?<loc>[^/]+)";
        r.add("operation-status", "GET", base + "/operations/(?<op>[^/]+)", Router.Plane.ARM, this::status);
        r.add("operation-result", "GET", base + "/operationResults/(?<op>[^/]+)", Router.Plane.ARM, this::result);
    }

    /** A duration at demo pace (time scale 1) scaled to this sandbox. */
    public Duration scaled(Duration atScaleOne) {
        return timeScale <= 0 ? Duration.ZERO : Duration.ofMillis(Math.round(atScaleOne.toMillis() * timeScale));
    }

    /**
     * Answers a PUT whose resource (already stored, live node) finishes after {@code work}.
     * {@code onSuccess} runs when it does (provisioningState is set to Succeeded before it).
     */
    public Response put(Request req, String ns, int[] allowed, boolean created, ObjectNode resource, Duration work, Runnable onSuccess) {
        Op op = newOp(req, ns, resource, work, onSuccess, false);
        Json.props(resource).put("provisioningState", created ? "Creating" : "Updating");
        LroStyle style = choose(op, allowed);
        if (style == LroStyle.SYNC) {
            complete(op);
            if (op.state == State.FAILED) throw failure(op);
            return Response.json(created && has(allowed, 201) ? 201 : 200, view(resource));
        }
        ops.put(op.id, op);
        if (style == LroStyle.PROVISIONING_STATE) {
            return Response.json(created && has(allowed, 201) ? 201 : 200, view(resource));
        }
        if (style == LroStyle.LOCATION) {
            return Response.json(202, view(resource)).header("Location", url(req, op, "operationResults")).header("Retry-After", retryAfter(op));
        }
        int code = created && has(allowed, 201) ? 201 : has(allowed, 202) ? 202 : 200;
        return asyncHeaders(Response.json(code, view(resource)), req, op);
    }

    /** Answers a DELETE; {@code doDelete} removes the resource when the operation ends. */
    public Response delete(Request req, String ns, int[] allowed, ObjectNode resource, Duration work, Runnable doDelete) {
        Op op = newOp(req, ns, resource, work, doDelete, true);
        LroStyle style = choose(op, allowed);
        if (style == LroStyle.SYNC || !has(allowed, 202)) {
            complete(op);
            if (op.state == State.FAILED) throw failure(op);
            return Response.empty(200);
        }
        ops.put(op.id, op);
        Json.props(resource).put("provisioningState", "Deleting");
        if (style == LroStyle.LOCATION || style == LroStyle.PROVISIONING_STATE) {
            return Response.empty(202).header("Location", url(req, op, "operationResults")).header("Retry-After", retryAfter(op));
        }
        return asyncHeaders(Response.empty(202), req, op);
    }

    /** Completes every operation whose time has come. */
    public void settle() {
        Instant now = clock.instant();
        for (Op op : ops.values()) {
            if (op.state == State.IN_PROGRESS && !now.isBefore(op.doneAt)) complete(op);
        }
    }

    private Op newOp(Request req, String ns, ObjectNode resource, Duration work, Runnable onSuccess, boolean delete) {
        Op op = new Op();
        op.id = UUID.randomUUID().toString();
        op.sub = Ids.subOf(resource.path("id").asText());
        op.ns = ns;
        op.location = Ids.location(resource.path("location").asText("westeurope"));
        op.apiVersion = req.apiVersion();
        op.delete = delete;
        op.resource = resource;
        op.start = clock.instant();
        op.doneAt = op.start.plus(scaled(work));
        op.failCode = req.failCode;
        op.onSuccess = onSuccess;
        return op;
    }

    private LroStyle choose(Op op, int[] allowed) {
        LroStyle s = forced;
        if (s == LroStyle.AUTO) {
            s = op.doneAt.isAfter(op.start) || op.failCode != null ? LroStyle.ASYNC_OPERATION : LroStyle.SYNC;
        }
        if (s == LroStyle.LOCATION && !has(allowed, 202)) s = LroStyle.ASYNC_OPERATION;
        if (s == LroStyle.ASYNC_OPERATION && !has(allowed, 201) && !has(allowed, 202)) s = LroStyle.SYNC;
        return s;
    }

    private void complete(Op op) {
        if (op.failCode != null) {
            op.state = State.FAILED;
            if (!op.delete) Json.props(op.resource).put("provisioningState", "Failed");
            else Json.props(op.resource).put("provisioningState", "Succeeded");
            return;
        }
        op.state = State.SUCCEEDED;
        if (!op.delete) Json.props(op.resource).put("provisioningState", "Succeeded");
        if (op.onSuccess != null) op.onSuccess.run();
    }

    private ApiError failure(Op op) {
        return new ApiError(500, op.failCode, "The operation '" + op.id + "' failed (sandbox fault '" + op.failCode + "').");
    }

    private Response asyncHeaders(Response r, Request req, Op op) {
        return r.header("Azure-AsyncOperation", url(req, op, "operations"))
                .header("Location", url(req, op, "operationResults"))
                .header("Retry-After", retryAfter(op));
    }

    private String url(Request req, Op op, String kind) {
        return req.base + "/subscriptions/" + op.sub + "/providers/" + op.ns + "/locations/" + op.location + "/" + kind + "/" + op.id
                + "?api-version=" + (op.apiVersion == null ? "2024-07-01" : op.apiVersion);
    }

    /** Seconds until the operation ends, 1..5; 0 at time scale 0 (the client then uses its own poll interval). */
    private String retryAfter(Op op) {
        if (timeScale <= 0) return "0";
        long ms = Duration.between(clock.instant(), op.doneAt).toMillis();
        return String.valueOf(Math.max(1, Math.min(5, (ms + 999) / 1000)));
    }

    private Op find(Request req) {
        settle();
        Op op = ops.get(req.param("op"));
        if (op == null) throw new ApiError(404, "OperationNotFound", "The operation '" + req.param("op") + "' was not found.");
        return op;
    }

    private Response status(Request req) {
        Op op = find(req);
        ObjectNode body = Json.o("name", op.id, "startTime", op.start.toString(),
                "status", switch (op.state) {
                    case IN_PROGRESS -> "InProgress";
                    case SUCCEEDED -> "Succeeded";
                    case FAILED -> "Failed";
                });
        if (op.state != State.IN_PROGRESS) body.put("endTime", op.doneAt.toString());
        if (op.state == State.FAILED) body.set("error", Json.o("code", op.failCode, "message", failure(op).getMessage()));
        Response r = Response.ok(body);
        return op.state == State.IN_PROGRESS ? r.header("Retry-After", retryAfter(op)) : r;
    }

    private Response result(Request req) {
        Op op = find(req);
        return switch (op.state) {
            case IN_PROGRESS -> Response.empty(202).header("Location", url(req, op, "operationResults")).header("Retry-After", retryAfter(op));
            case FAILED -> throw failure(op);
            case SUCCEEDED -> op.delete ? Response.empty(204) : Response.ok(view(op.resource));
        };
    }

    static boolean has(int[] codes, int code) {
        for (int c : codes) if (c == code) return true;
        return false;
    }

    public static ObjectNode view(ObjectNode resource) {
        return resource.deepCopy();
    }
}
