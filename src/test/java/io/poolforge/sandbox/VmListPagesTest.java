package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PF-21 (third pass): VM list pages are written from the stored VMs without copying them, and the subscription's
 * {@code statusOnly=true} page adds each VM's instance view to a copy of only the levels it changes. Neither may
 * change what is stored: a later plain list and a plain GET must not carry an instance view, and a VM must keep its
 * fields in the same order in every view.
 */
class VmListPagesTest {
    @RegisterExtension
    static final SandboxExtension SB = new SandboxExtension();

    private static final String LIST = "/subscriptions/" + SandboxExtension.SUB + "/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01";

    @Test
    void theStatusPageAddsTheInstanceViewWithoutChangingTheStoredVms() {
        JsonNode withStatus = SandboxExtension.json(SB.get(LIST + "&statusOnly=true").body()).path("value");
        JsonNode plain = SandboxExtension.json(SB.get(LIST).body()).path("value");
        assertThat(withStatus.size()).isEqualTo(plain.size()).isGreaterThan(5);
        for (int i = 0; i < plain.size(); i++) {
            JsonNode s = withStatus.get(i);
            JsonNode p = plain.get(i);
            assertThat(s.path("properties").path("instanceView").path("statuses").isArray()).as(s.path("name").asText()).isTrue();
            assertThat(p.path("properties").has("instanceView")).as(p.path("name").asText()).isFalse();
            // Same fields, same order; the instance view is the last property; everything else equal.
            assertThat(names(s)).isEqualTo(names(p));
            List<String> props = names(s.path("properties"));
            assertThat(props.get(props.size() - 1)).isEqualTo("instanceView");
            assertThat(props.subList(0, props.size() - 1)).isEqualTo(names(p.path("properties")));
            com.fasterxml.jackson.databind.node.ObjectNode stripped = s.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) stripped.path("properties")).remove("instanceView");
            assertThat(stripped).isEqualTo(p);
        }
        // A plain GET of a VM listed with its status: still no instance view.
        String id = plain.get(0).path("id").asText();
        JsonNode one = SandboxExtension.json(SB.get(id + "?api-version=2024-07-01").body());
        assertThat(one.path("properties").has("instanceView")).isFalse();
        assertThat(one).isEqualTo(plain.get(0));
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }
}
