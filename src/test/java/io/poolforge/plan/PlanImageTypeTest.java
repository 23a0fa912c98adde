package io.poolforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** PF-15: {@code pool.imageType} in the plan: what PlanCheck accepts and refuses, and plans written before it. */
class PlanImageTypeTest {
    static final Path MARKET = Path.of("docs/examples/marketplace-ubuntu2204.json");
    static final Path LATEST = Path.of("docs/examples/existing-definition-latest.json");

    static List<Arguments> broken() {
        ObjectNode gallery = TestPlans.tree(TestPlans.GALLERY);
        ObjectNode market = TestPlans.tree(MARKET);
        return List.of(
                Arguments.of("a Marketplace pool with an image to build", TestPlans.edit(market.deepCopy(), "/image", gallery.get("image")),
                        "PLAN_BAD_VALUE", "/image"),
                Arguments.of("a Marketplace pool with snapshots", TestPlans.edit(market.deepCopy(), "/snapshots", gallery.get("snapshots")),
                        "PLAN_BAD_VALUE", "/snapshots"),
                Arguments.of("a Marketplace pool without its image", TestPlans.edit(market.deepCopy(), "/pool/marketplaceImage", (JsonNode) null),
                        "PLAN_MISSING_FIELD", "/pool/marketplaceImage"),
                Arguments.of("a Marketplace image without a SKU", TestPlans.edit(market.deepCopy(), "/pool/marketplaceImage/sku", (JsonNode) null),
                        "PLAN_MISSING_FIELD", "/pool/marketplaceImage/sku"),
                Arguments.of("an image type Batch has no such thing as", TestPlans.edit(gallery.deepCopy(), "/pool/imageType", "managed"),
                        "PLAN_BAD_VALUE", "/pool/imageType"),
                Arguments.of("\"latest\" for a version the run builds", TestPlans.edit(gallery.deepCopy(), "/image/gallery/version", "latest"),
                        "PLAN_BAD_VALUE", "/image/gallery/version"),
                Arguments.of("a gallery pool without an image", TestPlans.edit(TestPlans.tree(LATEST), "/image", (JsonNode) null),
                        "PLAN_MISSING_FIELD", "/image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void planCheckRefuses(String name, ObjectNode tree, String code, String path) {
        assertThat(PlanCheck.check(TestPlans.plan(tree))).as(name)
                .anySatisfy(f -> {
                    assertThat(f.code()).isEqualTo(code);
                    assertThat(f.path()).isEqualTo(path);
                });
    }

    @Test
    void plansWithoutTheFieldAreGalleryPlansAndStayAsWritten() {
        Plan old = TestPlans.plan(TestPlans.GALLERY);
        assertThat(old.pool().imageType()).isNull();
        assertThat(old.marketplace()).isFalse();
        assertThat(old.galleryTarget()).isTrue();
        assertThat(PlanCheck.check(old)).isEmpty();
        PlanCodec codec = new PlanCodec();
        assertThat(codec.write(old)).doesNotContain("imageType").doesNotContain("marketplaceImage");
        assertThat(codec.parse(codec.write(old), "old.json").plan()).isEqualTo(old);
        assertThat(old.poolPlan().marketplace()).isFalse();
        assertThat(old.poolPlan().imageId()).contains("/versions/");
    }

    @Test
    void theMarketplaceAndLatestPlansGiveThePoolTheirImage() {
        Plan market = TestPlans.plan(MARKET);
        assertThat(market.poolPlan().imageId()).isNull();
        assertThat(market.poolPlan().marketplaceImage().display()).isEqualTo("canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest");
        assertThat(ResourceIds.image(market)).isNull();
        Plan latest = TestPlans.plan(LATEST);
        assertThat(latest.poolPlan().imageId()).endsWith("/galleries/gal_pf_images/images/ubuntu2204-render");
        assertThat(new PlanValidator(new PlanCodec(), new OfflineDomainRules()).validate(latest)).isEmpty();
        assertThat(new PlanValidator(new PlanCodec(), new OfflineDomainRules()).validate(market)).isEmpty();
    }
}
