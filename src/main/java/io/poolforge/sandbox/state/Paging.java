package io.poolforge.sandbox.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** One page of a list with ARM's {@code nextLink} or the Batch data plane's {@code odata.nextLink}. */
public final class Paging {
    private Paging() {
    }

    public static ObjectNode arm(Request req, List<ObjectNode> all, int pageSize, Function<ObjectNode, ObjectNode> view) {
        return page(req, all, pageSize, view, "nextLink", "$skiptoken");
    }

    public static ObjectNode batch(Request req, List<ObjectNode> all, int defaultPageSize, Function<ObjectNode, ObjectNode> view) {
        String max = req.query("maxresults");
        int size = max != null && max.matches("\\d+") ? Math.max(1, Math.min(1000, Integer.parseInt(max))) : defaultPageSize;
        ObjectNode p = page(req, all, size, view, "odata.nextLink", "$skiptoken");
        ObjectNode out = Json.o("odata.metadata", req.base + req.path.substring(0, req.path.indexOf('/', 7)) + "/$metadata");
        out.setAll(p);
        return out;
    }

    private static ObjectNode page(Request req, List<ObjectNode> all, int pageSize, Function<ObjectNode, ObjectNode> view,
                                   String linkName, String tokenName) {
        String token = req.query(tokenName);
        int from = token != null && token.matches("\\d+") ? Integer.parseInt(token) : 0;
        int to = Math.min(all.size(), from + pageSize);
        ArrayNode value = Json.a();
        for (int i = from; i < to; i++) value.add(view.apply(all.get(i)));
        ObjectNode out = Json.o("value", value);
        if (to < all.size()) {
            StringBuilder q = new StringBuilder();
            req.query.forEach((k, v) -> {
                if (!k.equalsIgnoreCase(tokenName)) {
                    q.append(q.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v));
                }
            });
            q.append(q.length() == 0 ? "" : "&").append(enc(tokenName)).append('=').append(to);
            out.put(linkName, req.url(q.toString()));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%24", "$").replace("+", "%20");
    }
}
