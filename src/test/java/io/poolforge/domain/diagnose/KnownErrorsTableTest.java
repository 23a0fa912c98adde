package io.poolforge.domain.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.NameValue;
import io.poolforge.domain.ResizeError;
import io.poolforge.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Compute and Batch error texts, each with the document, spec or public report it was copied from (read
 * 2026-12-07), fed through the diagnoser: the cause Azure's words name, CONFIRMED, Azure's words kept in the evidence
 * and the known-text source shown. A text no row knows stays UNKNOWN and is shown raw with what was checked.
 */
class KnownErrorsTableTest {
    static final String DESIRED = "Desired number of dedicated nodes could not be allocated";

    record Real(String source, ResizeError error, Cause cause) {
        @Override
        public String toString() { return cause + " ← " + source; }
    }

    static ResizeError provider(String code, String message) {
        String json = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}}";
        return new ResizeError("AllocationFailed", DESIRED, List.of(new NameValue("ProviderErrorJson", json),
                new NameValue("ProviderErrorJsonTruncated", "False")), null);
    }

    static Stream<Real> realTexts() {
        return Stream.of(
                new Real("learn.microsoft.com/azure/batch/batch-pool-node-error-checking, relay provider error example 2",
                        provider("ScopeLocked", "The scope '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Compute/"
                                + "VirtualMachineScaleSets/guid-azurebatch-VMSS-D' cannot perform write operation because the following "
                                + "scope(s) are locked: '/subscriptions/sub/resourceGroups/rg'. Please remove the lock and try again."),
                        Cause.RESOURCE_LOCKED),
                new Real("learn.microsoft.com/azure/batch/batch-pool-node-error-checking, relay provider error example 1",
                        provider("BadRequest", "The selected VM size 'STANDARD_A1_V2' cannot boot Hypervisor Generation '2'. If this "
                                + "was a Create operation, please ensure that the Hypervisor Generation of the Image matches the "
                                + "Hypervisor Generation of the selected VM Size. If this was an Update operation, please choose a "
                                + "Hypervisor Generation '2' VM Size."),
                        Cause.GENERATION_MISMATCH),
                new Real("github.com/microsoft/STL/pull/3159 (2022-10-15)",
                        provider("BadRequest", "The provided gallery image only supports creation of VMs and VM Scale Sets with "
                                + "'TrustedLaunch' security type."),
                        Cause.SECURITY_TYPE_MISMATCH),
                new Real("github.com/openshift/openshift-azure/issues/1892 (2019-08-27)",
                        provider("MarketplacePurchaseEligibilityFailed", "Marketplace purchase eligibilty check returned errors. "
                                + "See inner errors for details. "),
                        Cause.MARKETPLACE_TERMS),
                new Real("github.com/MicrosoftDocs/azure-docs/issues/119870 (2024-02-15, a Batch pool)",
                        ResizeError.of("AllocationFailed", "Deployment allocation failed because VM size does not support storage account type."),
                        Cause.STORAGE_TYPE_UNSUPPORTED),
                new Real("github.com/google/cloud-forensics-utils/issues/488 (2023-09-14)",
                        provider("InvalidParameter", "Requested operation cannot be performed because the VM size Standard_F4 does not "
                                + "support the storage account type Premium_LRS of disk 'evidence_disk_copy'. Consider updating the VM "
                                + "to a size that supports Premium storage."),
                        Cause.STORAGE_TYPE_UNSUPPORTED),
                new Real("github.com/nforgeio/neonKUBE/issues/1671 (2022-09-02)",
                        provider("OperationNotAllowed", "Operation could not be completed as it results in exceeding approved Total "
                                + "Regional Cores quota. Additional details - Deployment Model: Resource Manager, Location: centralus, "
                                + "Current Limit: 10, Current Usage: 8, Additional Required: 4, (Minimum) New Limit Required: 12."),
                        Cause.REGIONAL_QUOTA),
                new Real("github.com/google/cloud-forensics-utils/issues/488 (2023-09-14)",
                        provider("OperationNotAllowed", "Operation could not be completed as it results in exceeding approved "
                                + "standardBasv2Family Cores quota. Additional details - Deployment Model: Resource Manager, Location: "
                                + "eastus, Current Limit: 0, Current Usage: 0, Additional Required: 4, (Minimum) New Limit Required: 4."),
                        Cause.REGIONAL_QUOTA),
                new Real("github.com/vmware-tanzu/community-edition/issues/3963 (2022-04-11)",
                        provider("AllocationFailed", "Allocation failed. We do not have sufficient capacity for the requested VM size "
                                + "in this region. Read more about improving likelihood of allocation success at http://aka.ms/allocation-guidance"),
                        Cause.CAPACITY),
                new Real("github.com/Azure/azure-cli/issues/32628 (2026-01-12)",
                        provider("SkuNotAvailable", "The requested VM size for resource 'Following SKUs have failed for Capacity "
                                + "Restrictions: Standard_D4ads_v5' is currently not available in location 'eastus'. Please try another "
                                + "size or deploy to a different location or different zone. See https://aka.ms/azureskunotavailable for details."),
                        Cause.SKU_NOT_AVAILABLE),
                new Real("github.com/MicrosoftDocs/azure-docs/issues/53298 (2021-03-29)",
                        ResizeError.of("AccountCoreQuotaReached", "The specified account has reached core quota"),
                        Cause.ACCOUNT_CORE_QUOTA),
                new Real("learn.microsoft.com/dotnet/api/microsoft.azure.batch.common.poolresizeerrorcodes",
                        ResizeError.of("AccountLowPriorityCoreQuotaReached", "The specified account has reached low priority core quota"),
                        Cause.ACCOUNT_LOW_PRIORITY_QUOTA),
                new Real("azure-rest-api-specs .../Microsoft.Batch/Batch/examples/2026-08-01/PoolList.json",
                        ResizeError.of("AllocationTimedout", "Desired number of dedicated nodes could not be allocated as the resize timeout was reached"),
                        Cause.ALLOCATION_TIMED_OUT),
                new Real("github.com/Azure/batch-shipyard/issues/191 (2018-04-25), the same text under the code spelled as PoolResizeErrorCodes does",
                        ResizeError.of("AllocationTimedOut", "Desired number of dedicated nodes could not be allocated as the resize timeout was reached"),
                        Cause.ALLOCATION_TIMED_OUT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realTexts")
    void azuresWordsNameTheirCause(Real real) {
        DiagnosisEvidence ev = DiagnosisExamples.ev(DiagnosisExamples.pool(real.error()));
        List<Diagnosis> out = Diagnoser.diagnose(ev);

        assertThat(out).hasSize(1);
        Diagnosis d = out.get(0);
        assertThat(d.cause()).as(real.source()).isEqualTo(real.cause());
        assertThat(d.confidence()).isEqualTo(Confidence.CONFIRMED);
        // Azure's words are kept, raw.
        assertThat(d.evidence().get(0).key()).isEqualTo("diagnose.evidence.raw");
        assertThat(d.evidence().get(0).args()).contains(real.error().code());
        Messages en = new Messages(Locale.ENGLISH);
        String all = String.join("\n", d.evidence().stream().map(en::text).toList());
        if (real.error().providerErrorJson() != null) {
            String words = real.error().providerErrorJson().replaceAll(".*\"message\":\"", "").replaceAll("\"}}$", "");
            assertThat(all).contains(words.substring(0, Math.min(60, words.length())));
        } else {
            assertThat(all).contains(real.error().message());
        }
    }

    @org.junit.jupiter.api.Test
    void theTableAndTheRealTextsAreSourced() {
        assertThat(KnownErrors.ROWS).hasSizeGreaterThanOrEqualTo(12);
        assertThat(KnownErrors.ROWS).allSatisfy(r -> {
            assertThat(r.source()).isNotBlank();
            assertThat(r.quote()).isNotBlank();
            assertThat(r.cause()).isNotEqualTo(Cause.UNKNOWN);
        });
        assertThat(realTexts()).hasSizeGreaterThanOrEqualTo(12).allSatisfy(r -> assertThat(r.source()).isNotBlank());
    }
}
