package io.poolforge.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.PoolForgeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCodecTest {
    private final PlanCodec codec = new PlanCodec();

    @Test
    void readsTheGalleryExampleIntoTheDomainRecords() {
        LoadedPlan loaded = codec.read(TestPlans.GALLERY);
        Plan plan = loaded.plan();
        assertThat(loaded.migrated()).isFalse();
        assertThat(plan.planVersion()).isEqualTo(Plan.CURRENT_VERSION);
        assertThat(plan.imagePlan().target()).isEqualTo(ImageTarget.GALLERY);
        assertThat(plan.imagePlan().imageId()).isEqualTo("/subscriptions/5a4db0c0-0000-4000-8000-0000000000a1"
                + "/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/gal_pf_images/images/render-ubuntu2204/versions/1.0.0");
        assertThat(plan.poolPlan().targetDedicatedNodes()).isEqualTo(2);
        assertThat(plan.poolPlan().vmSize()).isEqualTo("Standard_D2s_v3");
        assertThat(plan.poolPlan().resizeTimeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(plan.snapshotPlan().osSnapshotName()).isEqualTo("snap-render-ubuntu2204-os");
    }

    @Test
    void writesWhatItReads() {
        for (Path file : List.of(TestPlans.GALLERY, TestPlans.MANAGED)) {
            Plan plan = codec.read(file).plan();
            String written = codec.write(plan);
            assertThat(codec.parse(written, "again").plan()).isEqualTo(plan);
            assertThat(written).doesNotContain("\r").endsWith("}\n").startsWith("{\n");
        }
    }

    @Test
    void refusesUnknownFieldsAndNamesEveryOne() {
        ObjectNode tree = TestPlans.tree(TestPlans.GALLERY);
        tree.put("colour", "blue");
        ((ObjectNode) tree.at("/image/gallery")).put("replicaMode", "Full");
        ((ObjectNode) tree.at("/image/gallery/targetRegions/0")).put("storageAccountType", "Standard_ZRS");
        assertThatThrownBy(() -> codec.parse(tree.toString(), "p.json"))
                .isInstanceOfSatisfying(PoolForgeException.class, e -> {
                    assertThat(e.key()).isEqualTo("plan.error.unknownFields");
                    assertThat(e.args()[1].toString()).contains("/colour", "/image/gallery/replicaMode",
                            "/image/gallery/targetRegions/0/storageAccountType");
                });
    }

    @Test
    void refusesMissingNewerAndUnmigratableVersions() {
        ObjectNode tree = TestPlans.tree(TestPlans.GALLERY);
        tree.remove("planVersion");
        assertKey(tree.toString(), "plan.error.noVersion");
        tree.put("planVersion", "1");
        assertKey(tree.toString(), "plan.error.versionNotInteger"); // PF-22: its own code and message
        tree.put("planVersion", Plan.CURRENT_VERSION + 1);
        assertKey(tree.toString(), "plan.error.tooNew");
        tree.put("planVersion", 0);
        assertKey(tree.toString(), "plan.error.tooOld");
    }

    @Test
    void migratesOlderVersionsThroughTheirMigrations() {
        // A made-up version 0 that called the pool's VM size "nodeSize".
        PlanMigration renameNodeSize = new PlanMigration() {
            @Override
            public int from() { return 0; }

            @Override
            public ObjectNode apply(ObjectNode doc) {
                ObjectNode pool = (ObjectNode) doc.get("pool");
                pool.set("vmSize", pool.remove("nodeSize"));
                doc.put("planVersion", 1);
                return doc;
            }
        };
        ObjectNode tree = TestPlans.tree(TestPlans.GALLERY);
        tree.put("planVersion", 0);
        ObjectNode pool = (ObjectNode) tree.get("pool");
        pool.set("nodeSize", pool.remove("vmSize"));
        LoadedPlan loaded = new PlanCodec(List.of(renameNodeSize)).parse(tree.toString(), "old.json");
        assertThat(loaded.migrated()).isTrue();
        assertThat(loaded.fileVersion()).isZero();
        assertThat(loaded.plan().pool().vmSize()).isEqualTo("Standard_D2s_v3");
        assertThat(loaded.plan()).isEqualTo(codec.read(TestPlans.GALLERY).plan());
    }

    @Test
    void refusesWrongTypesWithThePath() {
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/targetDedicatedNodes", "2");
        assertThatThrownBy(() -> codec.parse(tree.toString(), "p.json"))
                .isInstanceOfSatisfying(PoolForgeException.class, e -> {
                    assertThat(e.key()).isEqualTo("plan.error.wrongType");
                    assertThat(e.args()[1]).isEqualTo("/pool/targetDedicatedNodes");
                });
        ObjectNode numberForText = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/vmSize", TestPlans.json("4"));
        assertKey(numberForText.toString(), "plan.error.wrongType");
    }

    @Test
    void refusesWhatIsNotAPlan() {
        assertKey("{ not json", "plan.error.notJson");
        assertKey("[1, 2]", "plan.error.notAPlan");
        assertThatThrownBy(() -> codec.read(Path.of("target-nowhere/none.json")))
                .isInstanceOfSatisfying(PoolForgeException.class, e -> assertThat(e.key()).isEqualTo("plan.error.notFound"));
    }

    @Test
    void digestIgnoresLayoutButNotContent() {
        Plan plan = codec.read(TestPlans.GALLERY).plan();
        Plan compact = codec.parse(TestPlans.tree(TestPlans.GALLERY).toString(), "compact").plan();
        assertThat(codec.sha256(compact)).isEqualTo(codec.sha256(plan)).hasSize(64);
        Plan other = TestPlans.plan(TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/poolId", "other"));
        assertThat(codec.sha256(other)).isNotEqualTo(codec.sha256(plan));
    }

    private void assertKey(String json, String key) {
        assertThatThrownBy(() -> codec.parse(json, "p.json"))
                .isInstanceOfSatisfying(PoolForgeException.class, e -> assertThat(e.key()).isEqualTo(key));
    }
}
