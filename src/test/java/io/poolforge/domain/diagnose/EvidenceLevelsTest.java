package io.poolforge.domain.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.AllocationState;
import io.poolforge.domain.Fixtures;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.NameValue;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.ResourceLock;
import io.poolforge.domain.SecurityType;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.rules.NodeAgentMatcher;
import io.poolforge.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** PF-17: every diagnosis says how sure it is, what was read and what was not; nothing destructive rests on a guess. */
class EvidenceLevelsTest {
    static final String GALLERY_VERSION = "/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/"
            + "galleries/gal/images/ubuntu2204/versions/1.0.0";
    static final Messages EN = new Messages(Locale.ENGLISH);

    /** What List Supported Images returns, with an EL 8 SKU listed first (as in the report). */
    static List<SupportedImage> supportedWithEl8First() {
        List<SupportedImage> out = new ArrayList<>();
        out.add(new SupportedImage("batch.node.el 8", ImageReference.marketplace("almalinux", "almalinux-x86_64", "8-gen2", "latest"),
                OsType.LINUX, "verified", List.of(), null, io.poolforge.domain.HyperVGeneration.V2));
        out.addAll(Fixtures.supportedImages());
        return out;
    }

    static PoolInfo ubuntuPool(String agent, ResizeError... errors) {
        return new PoolInfo("ubuntu-custom", "Standard_D2s_v3", ImageReference.ofId(GALLERY_VERSION), agent, 3, 0, 3, 0,
                AllocationState.STEADY, Instant.parse("2026-12-06T10:20:00Z"), Duration.ofMinutes(15),
                Instant.parse("2026-12-06T10:00:00Z"), List.of(errors), false);
    }

    static Lookups readLookups(List<ResourceLock> locks, boolean getAccess) {
        return new Lookups(List.of(GALLERY_VERSION), Looked.read(locks), Looked.read(getAccess), Looked.read(SecurityType.STANDARD),
                Looked.unavailable("diagnose.reason.poolProfileNotRead"), "westeurope", Looked.read(1), null);
    }

    static List<String> rendered(List<LocalizedText> texts) {
        return texts.stream().map(EN::text).toList();
    }

    @Test
    void ubuntuCustomImageWithTheRightAgentAndUnusableNodesGetsNoNodeAgentVerdict() {
        // The report: without a known Marketplace base, NodeAgentMatcher falls back to the first verified Linux SKU...
        assertThat(NodeAgentMatcher.propose(null, OsType.LINUX, HyperVGeneration.V2, supportedWithEl8First()).nodeAgentSkuId())
                .isEqualTo("batch.node.el 8");
        // ...and the diagnoser used to call "batch.node.ubuntu 22.04" a mismatch. Now the base is unknown: no verdict.
        DiagnosisEvidence ev = new DiagnosisEvidence(ubuntuPool("batch.node.ubuntu 22.04"), ImageTarget.GALLERY, true, List.of(),
                OsType.LINUX, HyperVGeneration.V2, null, Fixtures.vmSizes().get(0), Fixtures.account(), supportedWithEl8First(),
                List.of(), List.of(), null, 3, readLookups(List.of(), true));

        List<Diagnosis> out = Diagnoser.diagnose(ev);

        assertThat(out).hasSize(1);
        Diagnosis d = out.get(0);
        assertThat(d.cause()).isEqualTo(Cause.NODES_UNUSABLE).isNotEqualTo(Cause.NODE_AGENT_MISMATCH);
        assertThat(d.confidence()).isEqualTo(Confidence.UNKNOWN);
        assertThat(d.actions()).doesNotContain(Action.RECREATE_POOL);
        assertThat(rendered(d.evidence()).toString()).doesNotContain("batch.node.el 8");
        assertThat(rendered(d.checked())).contains(
                "The image " + GALLERY_VERSION + " exists (read from Azure).",
                "1 replicas of the image version in westeurope.",
                "No management lock on the image or the scopes above it (1.0.0).",
                "Your permissions on " + GALLERY_VERSION + " include Microsoft.Compute/disks/beginGetAccess/action.",
                "Security type of the image definition: Standard.");
        assertThat(rendered(d.notChecked())).anySatisfy(t -> assertThat(t)
                .startsWith("The node agent SKU batch.node.ubuntu 22.04 against the image: the Marketplace image this custom image was built on is not recorded"));
        assertThat(rendered(d.notChecked())).anySatisfy(t -> assertThat(t).startsWith("The pool's security type:"));
        assertThat(EN.text(d.remedy())).contains("BatchNodeManagement.<region>").doesNotContain("inbound port");
    }

    @Test
    void theNodeAgentIsJudgedWhereTheBaseIsKnown() {
        DiagnosisEvidence ev = new DiagnosisEvidence(ubuntuPool("batch.node.centos 7"), ImageTarget.GALLERY, true, List.of(),
                OsType.LINUX, HyperVGeneration.V2, Fixtures.UBUNTU_GEN2, Fixtures.vmSizes().get(0), Fixtures.account(),
                Fixtures.supportedImages(), List.of(), List.of(), null, 3, readLookups(List.of(), true));
        Diagnosis d = Diagnoser.diagnose(ev).get(0);
        assertThat(d.cause()).isEqualTo(Cause.NODE_AGENT_MISMATCH);
        // Consistent evidence, not proof: LIKELY, so recreating the pool is not offered.
        assertThat(d.confidence()).isEqualTo(Confidence.LIKELY);
        assertThat(d.actions()).doesNotContain(Action.RECREATE_POOL);
    }

    @Test
    void aReadOnlyLockFoundByTheLookUpIsTheLikelyCauseEvenWhenAzuresWordsSayNothingOfIt() {
        ResourceLock lock = new ResourceLock("freeze-render-image", "ReadOnly", GALLERY_VERSION.replace("/versions/1.0.0", ""));
        ResizeError generic = ResizeError.of("AllocationFailed", "There was an error encountered while performing the last resize on the pool. "
                + "Please try resizing the pool again. Code: AllocationFailed");
        DiagnosisEvidence ev = new DiagnosisEvidence(ubuntuPool("batch.node.ubuntu 22.04", generic), ImageTarget.GALLERY, true, List.of(),
                OsType.LINUX, HyperVGeneration.V2, null, Fixtures.vmSizes().get(0), Fixtures.account(), List.of(), List.of(), List.of(),
                null, 0, readLookups(List.of(lock), true));
        Diagnosis d = Diagnoser.diagnose(ev).get(0);
        assertThat(generic.allText().toLowerCase(Locale.ROOT)).doesNotContain("lock");
        assertThat(d.cause()).isEqualTo(Cause.RESOURCE_LOCKED);
        assertThat(d.confidence()).isEqualTo(Confidence.LIKELY);
        assertThat(rendered(d.checked())).contains("Lock freeze-render-image (ReadOnly) on " + lock.scope());
        assertThat(EN.text(d.causeText())).contains("freeze-render-image");
    }

    @Test
    void aCanNotDeleteLockIsListedButNotBlamed() {
        ResourceLock lock = new ResourceLock("keep", "CanNotDelete", GALLERY_VERSION);
        DiagnosisEvidence ev = new DiagnosisEvidence(ubuntuPool("batch.node.ubuntu 22.04", ResizeError.of("AllocationFailed", "x")),
                ImageTarget.GALLERY, true, List.of(), OsType.LINUX, HyperVGeneration.V2, null, Fixtures.vmSizes().get(0), Fixtures.account(),
                List.of(), List.of(), List.of(), null, 0, readLookups(List.of(lock), true));
        Diagnosis d = Diagnoser.diagnose(ev).get(0);
        assertThat(d.cause()).isEqualTo(Cause.ALLOCATION_FAILED);
        assertThat(d.confidence()).isEqualTo(Confidence.UNKNOWN);
        assertThat(rendered(d.checked())).contains("Lock keep (CanNotDelete) on " + GALLERY_VERSION);
        assertThat(EN.text(d.causeText())).doesNotContain("look fine").contains("see what was checked");
    }

    @Test
    void withoutLookUpsNothingIsSaidToLookFineAndTheMissingChecksAreListed() {
        DiagnosisEvidence ev = new DiagnosisEvidence(ubuntuPool("batch.node.ubuntu 22.04", ResizeError.of("AllocationFailed", "x")),
                ImageTarget.GALLERY, null, List.of(), null, null, null, null, null, List.of(), List.of(), List.of(), null, 0);
        Diagnosis d = Diagnoser.diagnose(ev).get(0);
        assertThat(d.cause()).isEqualTo(Cause.ALLOCATION_FAILED);
        assertThat(d.checked()).isEmpty();
        assertThat(d.notChecked()).extracting(LocalizedText::key).contains("diagnose.notChecked.image", "diagnose.notChecked.locks",
                "diagnose.notChecked.permission", "diagnose.notChecked.securityType", "diagnose.notChecked.generation");
    }

    @Test
    void aLookUpThatFailedSaysWhy() {
        Lookups failed = new Lookups(List.of(GALLERY_VERSION), Looked.failed("403 AuthorizationFailed"), Looked.failed("403 AuthorizationFailed"),
                null, null, "westeurope", null, null);
        DiagnosisEvidence ev = new DiagnosisEvidence(ubuntuPool("batch.node.ubuntu 22.04", ResizeError.of("AllocationFailed", "x")),
                ImageTarget.GALLERY, true, List.of(), OsType.LINUX, HyperVGeneration.V2, null, null, null, List.of(), List.of(), List.of(),
                null, 0, failed);
        Diagnosis d = Diagnoser.diagnose(ev).get(0);
        assertThat(rendered(d.notChecked())).contains(
                "Management locks on the image, its definition, gallery and resource group: the look-up failed (403 AuthorizationFailed).");
    }

    @Test
    void trustedLaunchTextIsASecurityTypeMismatchWithAzuresWordsAndTheProfileTheImageNeeds() {
        String words = "The provided gallery image only supports creation of VMs and VM Scale Sets with 'TrustedLaunch' security type.";
        ResizeError e = new ResizeError("AllocationFailed", "Desired number of dedicated nodes could not be allocated", List.of(
                new NameValue("ProviderErrorJson", "{\"error\":{\"code\":\"BadRequest\",\"message\":\"" + words + "\"}}")), null);
        Diagnosis d = Diagnoser.diagnose(DiagnosisExamples.ev(ubuntuPool("batch.node.ubuntu 22.04", e))).get(0);
        assertThat(d.cause()).isEqualTo(Cause.SECURITY_TYPE_MISMATCH);
        assertThat(d.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(EN.text(d.causeText())).contains("TrustedLaunch");
        assertThat(rendered(d.evidence())).anySatisfy(t -> assertThat(t).contains(words));
        assertThat(EN.text(d.remedy())).contains("securityProfile").contains("trustedLaunch").contains("secureBootEnabled").contains("vTpmEnabled");
        assertThat(d.action()).isEqualTo(Action.RECREATE_POOL);
        Messages es = new Messages(new Locale("es"));
        assertThat(es.text(d.remedy())).contains("securityProfile").contains("trustedLaunch");
    }

    @Test
    void anUnknownCodeIsShownRawWithWhatWasChecked() {
        // A documented code PoolForge maps to no cause (PoolResizeErrorCodes.DiskEncryptionFailure).
        ResizeError e = ResizeError.of("DiskEncryptionFailure", "Pool creation failed with disk encryption error");
        DiagnosisEvidence ev = new DiagnosisEvidence(ubuntuPool("batch.node.ubuntu 22.04", e), ImageTarget.GALLERY, true, List.of(),
                OsType.LINUX, HyperVGeneration.V2, null, Fixtures.vmSizes().get(0), Fixtures.account(), List.of(), List.of(), List.of(),
                null, 0, readLookups(List.of(), true));
        Diagnosis d = Diagnoser.diagnose(ev).get(0);
        assertThat(d.cause()).isEqualTo(Cause.UNKNOWN);
        assertThat(d.confidence()).isEqualTo(Confidence.UNKNOWN);
        assertThat(EN.text(d.evidence().get(0))).isEqualTo("Azure said: DiskEncryptionFailure: Pool creation failed with disk encryption error");
        assertThat(d.checked()).isNotEmpty();
    }

    @Test
    void aDiagnosisThatIsNotConfirmedNeverOffersADestructiveAction() {
        Diagnosis d = new Diagnosis(Cause.NODE_AGENT_MISMATCH, LocalizedText.of("diagnose.cause.nodeAgentMismatch", "p", 1, "x"), List.of(),
                LocalizedText.of("diagnose.remedy.nodeAgentMismatch", "y", "p"), Action.RECREATE_POOL, List.of(Action.RECREATE_POOL),
                null, false, "s", Confidence.LIKELY, List.of(), List.of());
        assertThat(d.actions()).doesNotContain(Action.RECREATE_POOL).containsExactly(Action.CONTACT_SUPPORT);
    }

    @Test
    void aMissingBeginGetAccessReadFromThePermissionsApiIsLikelyAndAuthorizationFailedTextIsConfirmed() {
        DiagnosisEvidence ev = new DiagnosisEvidence(ubuntuPool("batch.node.ubuntu 22.04", ResizeError.of("AllocationFailed", "x")),
                ImageTarget.GALLERY, true, List.of(), OsType.LINUX, HyperVGeneration.V2, null, Fixtures.vmSizes().get(0), Fixtures.account(),
                List.of(), List.of(), List.of(), null, 0, readLookups(List.of(), false));
        Diagnosis d = Diagnoser.diagnose(ev).get(0);
        assertThat(d.cause()).isEqualTo(Cause.IMAGE_ACCESS_DENIED);
        assertThat(d.confidence()).isEqualTo(Confidence.LIKELY);
        assertThat(rendered(d.checked())).contains("Missing permission: Microsoft.Compute/disks/beginGetAccess/action");

        // ARM's AuthorizationFailed wording (the shape the sandbox's 403 fault answers with) names it: confirmed.
        ResizeError auth = new ResizeError("AllocationFailed", "Desired number of dedicated nodes could not be allocated", List.of(
                new NameValue("ProviderErrorJson", "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client 'x' "
                        + "does not have authorization to perform action 'Microsoft.Compute/disks/beginGetAccess/action' over scope 'y'.\"}}")), null);
        Diagnosis d2 = Diagnoser.diagnose(DiagnosisExamples.ev(ubuntuPool("batch.node.ubuntu 22.04", auth))).get(0);
        assertThat(d2.cause()).isEqualTo(Cause.IMAGE_ACCESS_DENIED);
        assertThat(d2.confidence()).isEqualTo(Confidence.CONFIRMED);
    }
}
