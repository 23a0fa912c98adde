package io.poolforge.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example plans of docs/examples, as text, trees and plans, with edits by JSON pointer. */
public final class TestPlans {
    public static final Path GALLERY = Path.of("docs/examples/vm-render-ubuntu2204-gallery.json");
    public static final Path MANAGED = Path.of("src/test/resources/plans/vm-render-datadisks-managed.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestPlans() {
    }

    public static ObjectNode tree(Path file) {
        try {
            return (ObjectNode) MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Plan plan(Path file) {
        return new PlanCodec().read(file).plan();
    }

    public static Plan plan(JsonNode tree) {
        return new PlanCodec().parse(tree.toString(), "test").plan();
    }

    /** The gallery example with the value at {@code pointer} replaced (a JSON value) or removed (null). */
    public static ObjectNode edit(ObjectNode tree, String pointer, JsonNode value) {
        ObjectNode copy = tree.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode a) {
            if (value == null) a.remove(Integer.parseInt(last)); else a.set(Integer.parseInt(last), value);
        } else {
            if (value == null) ((ObjectNode) parent).remove(last); else ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    public static ObjectNode edit(ObjectNode tree, String pointer, String text) {
        return edit(tree, pointer, MAPPER.getNodeFactory().textNode(text));
    }

    public static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
