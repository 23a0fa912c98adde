package io.poolforge.domain.rules;

import io.poolforge.domain.Fixtures;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.OsState;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolAllocationMode;
import io.poolforge.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** PF-18: the rules re-read against Microsoft's current text, beside the bad-input table. */
class Pf18RulesTest {
    static final Messages EN = new Messages(Locale.ENGLISH);
    static final Messages ES = new Messages(new Locale("es"));

    private static List<RuleCode> codes(List<Violation> v) {
        return v.stream().map(Violation::code).toList();
    }

    @Test
    void aThreeThousandNodeGalleryPoolWithTenReplicasIsNotCappedButAManagedImagePoolIs() {
        Ctx gallery = new Ctx();
        gallery.account = RuleExamples.withQuota(100_000, 100_000);
        gallery.replicas = 10;
        List<Violation> g = PoolRules.check(Fixtures.poolPlan("render-3000", "Standard_D2s_v3", 3000, 0, 45), gallery.build());
        assertThat(codes(g)).doesNotContain(RuleCode.POOL_DEDICATED_LIMIT, RuleCode.IMAGE_TOO_FEW_REPLICAS);
        assertThat(Violation.anyBlocking(g)).as(g.toString()).isFalse();
        // Offline (validate): the same.
        assertThat(codes(PlanShapeRules.check(null, null, Fixtures.image(),
                Fixtures.poolPlan("render-3000", "Standard_D2s_v3", 3000, 0, 45), List.of(), Fixtures.TODAY)))
                .doesNotContain(RuleCode.POOL_DEDICATED_LIMIT);

        Ctx managed = new Ctx();
        managed.kind = ImageTarget.MANAGED;
        managed.account = RuleExamples.withQuota(100_000, 100_000);
        assertThat(codes(PoolRules.check(RuleExamples.managedPool("big", 2001, 0), managed.build()))).contains(RuleCode.POOL_DEDICATED_LIMIT);
        assertThat(codes(PoolRules.check(RuleExamples.managedPool("big", 2000, 0), managed.build()))).doesNotContain(RuleCode.POOL_DEDICATED_LIMIT);
        assertThat(codes(PlanShapeRules.check(null, null, RuleExamples.managedImage(), RuleExamples.managedPool("big", 2001, 0), List.of(),
                Fixtures.TODAY))).contains(RuleCode.POOL_DEDICATED_LIMIT);
    }

    @Test
    void spotNodesAreNamedAsTheAccountGetsThemAndCountAgainstTheSpotQuota() {
        Ctx c = new Ctx();
        List<Violation> bs = PoolRules.check(Fixtures.poolPlan("pool-spot", "Standard_D16s_v3", 0, 7, 20), c.build());
        // Batch-service account: Spot nodes on the account's Spot core quota (100 cores; 7 × 16 = 112 is too many).
        assertThat(codes(bs)).contains(RuleCode.POOL_SPOT_NODES_BATCH_SERVICE, RuleCode.QUOTA_LOW_PRIORITY_CORES)
                .doesNotContain(RuleCode.POOL_SPOT_NODES_USER_SUBSCRIPTION);
        Violation info = bs.stream().filter(v -> v.code() == RuleCode.POOL_SPOT_NODES_BATCH_SERVICE).findFirst().orElseThrow();
        assertThat(EN.get(info.messageKey(), info.argsArray())).contains("Batch service pool allocation mode", "are Spot nodes",
                "retired low-priority nodes on 30 September 2025", "Spot core quota");
        assertThat(ES.get(info.messageKey(), info.argsArray())).contains("nodos de acceso puntual", "cuota de núcleos de acceso puntual");
        Violation quota = bs.stream().filter(v -> v.code() == RuleCode.QUOTA_LOW_PRIORITY_CORES).findFirst().orElseThrow();
        assertThat(EN.get(quota.messageKey(), quota.argsArray())).contains("Spot cores free").doesNotContain("low-priority");

        Fixtures.Account a = new Fixtures.Account();
        a.mode = PoolAllocationMode.USER_SUBSCRIPTION;
        c.account = a.build();
        assertThat(codes(PoolRules.check(Fixtures.poolPlan("pool-spot", "Standard_D2s_v3", 0, 4, 20), c.build())))
                .contains(RuleCode.POOL_SPOT_NODES_USER_SUBSCRIPTION).doesNotContain(RuleCode.POOL_SPOT_NODES_BATCH_SERVICE);
        assertThat(codes(PoolRules.check(Fixtures.poolPlan("pool-d", "Standard_D2s_v3", 2, 0, 20), new Ctx().build())))
                .doesNotContain(RuleCode.POOL_SPOT_NODES_BATCH_SERVICE, RuleCode.POOL_SPOT_NODES_USER_SUBSCRIPTION);
    }

    @Test
    void theNodeAgentOfAnExistingGalleryImageIsWarned30DaysAheadNot120() {
        // An existing gallery image: the base Marketplace image is unknown, so the node agent's end is its images' last one.
        Ctx c = new Ctx();
        c.source = null;
        c.supported = RuleExamples.agentEndingIn(30).stream().map(s -> s.nodeAgentSkuId().equals("batch.node.ubuntu 22.04")
                ? new io.poolforge.domain.SupportedImage(s.nodeAgentSkuId(), s.imageReference(), s.osType(), "verified", List.of(),
                Fixtures.TODAY.plusDays(30).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()) : s).toList();
        Violation v = PoolRules.check(Fixtures.poolPlan(), c.build()).stream().filter(x -> x.code() == RuleCode.NODE_AGENT_END_OF_LIFE)
                .findFirst().orElseThrow();
        assertThat(v.severity()).isEqualTo(Severity.WARNING);
        assertThat(EN.get(v.messageKey(), v.argsArray())).contains("batch.node.ubuntu 22.04", "Jul 1, 2025", "in 30 days"); // PF-20: dates in sentences are the locale's
        assertThat(ES.get(v.messageKey(), v.argsArray())).contains("dentro de 30 días");

        c.supported = RuleExamples.agentEndingIn(120);
        c.source = Fixtures.UBUNTU_GEN2;
        assertThat(codes(PoolRules.check(Fixtures.poolPlan(), c.build()))).doesNotContain(RuleCode.NODE_AGENT_END_OF_LIFE);
        c.supported = RuleExamples.agentEndingIn(-10);
        Violation past = PoolRules.check(Fixtures.poolPlan(), c.build()).stream().filter(x -> x.code() == RuleCode.NODE_AGENT_END_OF_LIFE)
                .findFirst().orElseThrow();
        assertThat(EN.get(past.messageKey(), past.argsArray())).contains("10 days ago");
        // One of the node agent's images without a date and no known base: no end for the node agent.
        c.source = null;
        c.supported = RuleExamples.agentEndingIn(30);
        assertThat(codes(PoolRules.check(Fixtures.poolPlan(), c.build()))).doesNotContain(RuleCode.NODE_AGENT_END_OF_LIFE);
    }

    @Test
    void theGeneralizationRuleFollowsTheOsAndTheAnswer() {
        assertThat(codes(ImageRules.generalization("vm", OsType.WINDOWS, OsState.GENERALIZED, "g/d", false)))
                .containsExactly(RuleCode.IMAGE_SOURCE_NOT_SYSPREPPED);
        assertThat(ImageRules.generalization("vm", OsType.WINDOWS, OsState.GENERALIZED, "g/d", true)).isEmpty();
        assertThat(codes(ImageRules.generalization("vm", OsType.LINUX, OsState.GENERALIZED, "g/d", false)))
                .containsExactly(RuleCode.IMAGE_SOURCE_NOT_DEPROVISIONED);
        assertThat(ImageRules.generalization("vm", OsType.WINDOWS, OsState.SPECIALIZED, "g/d", false)).isEmpty();
        Fixtures.Vm marked = new Fixtures.Vm();
        marked.osType = OsType.WINDOWS;
        marked.image = Fixtures.WINDOWS_GEN2;
        marked.generalized = true; // the instance view said OSState/generalized
        Fixtures.Image win = new Fixtures.Image();
        win.osType = OsType.WINDOWS;
        assertThat(codes(ImageRules.checkPlan(win.build(), marked.build(), Fixtures.account(), null, 2, Fixtures.TODAY)))
                .doesNotContain(RuleCode.IMAGE_SOURCE_NOT_SYSPREPPED);
    }

    @Test
    void latestIsTheHighestVersionNotExcludedFromLatest() {
        List<GalleryImageVersionInfo> versions = List.of(RuleExamples.version("1.10.0", true), RuleExamples.version("1.9.0", false),
                RuleExamples.version("1.2.0", false));
        assertThat(ImageRules.latest(versions)).map(GalleryImageVersionInfo::version).contains("1.9.0");
        assertThat(ImageRules.latest(List.of(RuleExamples.version("1.0.0", true)))).isEmpty();
        Violation v = ImageRules.latestFinding("g/d", versions.get(1), versions);
        assertThat(EN.get(v.messageKey(), v.argsArray())).contains("version 1.9.0", "(skipped: 1.10.0)");
        // A version hidden from "latest" in the account's region only (TargetRegion.excludeFromLatest).
        GalleryImageVersionInfo regional = new GalleryImageVersionInfo("/v/2.0.0", "2.0.0", versions.get(0).image(), List.of(), List.of(),
                "Succeeded", false, List.of("West Europe"));
        List<GalleryImageVersionInfo> withRegional = List.of(regional, versions.get(1));
        assertThat(ImageRules.latest(withRegional, "westeurope")).map(GalleryImageVersionInfo::version).contains("1.9.0");
        assertThat(ImageRules.latest(withRegional, "eastus")).map(GalleryImageVersionInfo::version).contains("2.0.0");
        Violation none = ImageRules.latestFinding("g/d", versions.get(1), List.of(versions.get(1)));
        assertThat(EN.get(none.messageKey(), none.argsArray())).doesNotContain("skipped");
    }
}
