package io.poolforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.domain.rules.Severity;
import io.poolforge.i18n.Messages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * PF-20 (second pass), what {@code poolforge validate} (PlanValidator with the offline rules, as the CLI runs it) and the
 * plan schema say about node counts and timeouts:
 * <ul>
 *   <li>0 dedicated + 0 Spot is a pool Azure accepts (BatchManagement.json 2025-06-01, ScaleSettings: "If this property is
 *   not specified, the pool will have a fixed scale with 0 targetDedicatedNodes.", read 2026-12-07): advice that says the
 *   pool has no nodes until resized and that the first-node check is skipped, never an error; the plan runs without the
 *   first-node stage;</li>
 *   <li>a count above PoolForge's own bound (10,000) or a timeout under Batch's 5 minutes is refused with a message
 *   naming the range (and, for our own bound, that it is ours), in English and Spanish — the wizard clamped these without
 *   a word before.</li>
 * </ul>
 */
class EmptyPoolAndRangesTest {
    private final PlanValidator validator = new PlanValidator(new PlanCodec(), new OfflineDomainRules());
    private final Messages en = new Messages(Locale.ENGLISH);
    private final Messages es = new Messages(new Locale("es"));

    private static Plan withCounts(int dedicated, int spot) {
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/targetDedicatedNodes", IntNode.valueOf(dedicated));
        return TestPlans.plan(TestPlans.edit(tree, "/pool/targetLowPriorityNodes", IntNode.valueOf(spot)));
    }

    @Test
    void anEmptyPoolIsAcceptedWithAWordAndNoFirstNode() {
        Plan empty = withCounts(0, 0);
        List<Finding> found = validator.validate(empty);
        assertThat(Finding.anyBlocking(found)).as("0 + 0 is a pool Azure accepts: %s", found).isFalse();
        Finding note = found.stream().filter(f -> f.code().equals(RuleCode.POOL_NO_NODES.name())).findFirst().orElseThrow();
        assertThat(note.severity()).isEqualTo(Severity.INFO);
        assertThat(en.get(note.messageKey(), note.args().toArray())).contains("no nodes until you resize it")
                .contains("check is skipped");
        assertThat(es.get(note.messageKey(), note.args().toArray())).contains("no tiene nodos hasta que cambie su tamaño")
                .contains("se omite");
        // The run has no first node to prove the image on (Plan.firstNode: a pool of fewer than two nodes).
        assertThat(empty.firstNode()).isFalse();
        assertThat(RuleCode.POOL_NO_NODES.evidence().quote()).contains("fixed scale with 0 targetDedicatedNodes");
        assertThat(RuleCode.POOL_NO_NODES.evidence().url()).contains("2025-06-01/BatchManagement.json");
        // The schema takes it too (its small validator lives in PlanSchemaTest).
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/targetDedicatedNodes", IntNode.valueOf(0));
        tree = TestPlans.edit(tree, "/pool/targetLowPriorityNodes", IntNode.valueOf(0));
        assertThat(PlanSchemaTest.validateAgainstSchema(tree)).isEmpty();
    }

    @Test
    void aCountAboveOurBoundIsRefusedNamingTheRangeAndWhoseItIs() {
        for (int[] counts : new int[][] {{100_000, 0}, {0, 20_000}}) {
            List<Finding> found = validator.validate(withCounts(counts[0], counts[1]));
            Finding f = found.stream().filter(x -> x.code().equals(RuleCode.POOL_TOO_MANY_NODES.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no POOL_TOO_MANY_NODES in " + found));
            assertThat(f.blocks()).isTrue();
            String english = en.get(f.messageKey(), f.args().toArray());
            assertThat(english).contains("at most 10,000").contains("its own limit").contains("Nothing was changed");
            assertThat(es.get(f.messageKey(), f.args().toArray())).contains("como máximo 10.000").contains("límite propio");
        }
        assertThat(RuleCode.POOL_TOO_MANY_NODES.evidence().quotesMicrosoft()).as("our own bound says it is ours").isFalse();
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/targetDedicatedNodes", IntNode.valueOf(100_000));
        assertThat(PlanSchemaTest.validateAgainstSchema(tree)).anyMatch(e -> e.contains("targetDedicatedNodes") && e.contains("too large"));
        // 10,000 itself is in range.
        assertThat(validator.validate(withCounts(10_000, 0))).noneMatch(x -> x.code().equals(RuleCode.POOL_TOO_MANY_NODES.name()));
    }

    @Test
    void aTimeoutUnderBatchsMinimumIsRefusedWithBatchsSentence() {
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/resizeTimeout", "PT2M");
        List<Finding> found = validator.validate(TestPlans.plan(tree));
        Finding f = found.stream().filter(x -> x.code().equals(RuleCode.RESIZE_TIMEOUT_TOO_SHORT.name())).findFirst().orElseThrow();
        assertThat(f.blocks()).isTrue();
        assertThat(en.get(f.messageKey(), f.args().toArray())).contains("2 minutes").contains("at least 5 minutes");
        assertThat(RuleCode.RESIZE_TIMEOUT_TOO_SHORT.evidence().quote()).contains("The minimum value is 5 minutes");
    }
}
