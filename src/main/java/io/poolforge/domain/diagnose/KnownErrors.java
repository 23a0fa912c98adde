package io.poolforge.domain.diagnose;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Compute and Batch error texts that reach pools (resize errors and the provider errors Batch relays), each
 * mapped to a cause, with the Microsoft document, REST spec or public report it was taken from and the date it was
 * read. A row matches when the error's code (Batch's or the relayed provider's) equals {@code code} (null: any) and
 * its text contains {@code words} (ignoring case). A text no row matches is never guessed at: it is shown raw, with
 * what was checked. All rows read 2026-12-07.
 */
public final class KnownErrors {
    /** One known text. {@code quote} is the short sentence of the source the mapping rests on. */
    public record Row(String code, String words, Cause cause, String source, String quote) {
        boolean matches(String batchCode, String providerCode, String lowerText) {
            boolean codeOk = code == null || code.equalsIgnoreCase(batchCode) || code.equalsIgnoreCase(providerCode);
            return codeOk && lowerText.contains(words.toLowerCase(Locale.ROOT));
        }
    }

    static final String NODE_ERRORS = "https://learn.microsoft.com/azure/batch/batch-pool-node-error-checking";
    public static final String READ = "2026-12-07";

    /** Most specific first: the first matching row wins. */
    public static final List<Row> ROWS = List.of(
            new Row("ScopeLocked", "cannot perform write operation because the following scope(s) are locked", Cause.RESOURCE_LOCKED,
                    NODE_ERRORS + " (Relay provider error, example 2)",
                    "Error Code: AllocationFailed ... \"code\": \"ScopeLocked\" ... cannot perform write operation because the following scope(s) are locked"),
            new Row(null, "cannot boot Hypervisor Generation", Cause.GENERATION_MISMATCH,
                    NODE_ERRORS + " (Relay provider error, example 1)",
                    "This error indicates a mismatch between the VM size and the hypervisor generation."),
            new Row(null, "only supports creation of VMs and VM Scale Sets with", Cause.SECURITY_TYPE_MISMATCH,
                    "https://github.com/microsoft/STL/pull/3159 (2022-10-15, Compute's answer for a Trusted Launch gallery image; "
                            + "and https://learn.microsoft.com/azure/batch/create-pool-trusted-launch)",
                    "The provided gallery image only supports creation of VMs and VM Scale Sets with 'TrustedLaunch' security type."),
            new Row("MarketplacePurchaseEligibilityFailed", "Marketplace purchase eligibilty check returned errors", Cause.MARKETPLACE_TERMS,
                    "https://github.com/openshift/openshift-azure/issues/1892 (2019-08-27); "
                            + "https://github.com/MicrosoftDocs/azure-docs/pull/84662 (2021-12-01, Batch allocation)",
                    "Users will get the error message of Allocation failed due to marketplace purchase eligibility ... they need to accept the legal terms"),
            new Row(null, "does not support storage account type", Cause.STORAGE_TYPE_UNSUPPORTED,
                    "https://github.com/MicrosoftDocs/azure-docs/issues/119870 (2024-02-15, a Batch pool)",
                    "Deployment allocation failed because VM size does not support storage account type."),
            new Row(null, "does not support the storage account type", Cause.STORAGE_TYPE_UNSUPPORTED,
                    "https://github.com/google/cloud-forensics-utils/issues/488 (2023-09-14)",
                    "Requested operation cannot be performed because the VM size Standard_F4 does not support the storage account type Premium_LRS"),
            new Row("OperationNotAllowed", "results in exceeding approved", Cause.REGIONAL_QUOTA,
                    "https://github.com/nforgeio/neonKUBE/issues/1671 (2022-09-02); https://github.com/google/cloud-forensics-utils/issues/488 (2023-09-14)",
                    "Operation could not be completed as it results in exceeding approved Total Regional Cores quota."),
            new Row(null, "We do not have sufficient capacity for the requested VM size in this region", Cause.CAPACITY,
                    "https://github.com/vmware-tanzu/community-edition/issues/3963 (2022-04-11); https://github.com/Azure/WALinuxAgent/pull/3056 (2024-02-14)",
                    "Allocation failed. We do not have sufficient capacity for the requested VM size in this region."),
            new Row("SkuNotAvailable", "is currently not available in location", Cause.SKU_NOT_AVAILABLE,
                    "https://github.com/Azure/azure-cli/issues/32628 (2026-01-12); https://github.com/Azure/pcs-cli/issues/147 (2017-09-21)",
                    "The requested VM size for resource ... is currently not available in location 'eastus'."),
            new Row("AccountCoreQuotaReached", "reached core quota", Cause.ACCOUNT_CORE_QUOTA,
                    "https://github.com/MicrosoftDocs/azure-docs/issues/53298 (2021-03-29); PoolResizeErrorCodes "
                            + "(https://learn.microsoft.com/dotnet/api/microsoft.azure.batch.common.poolresizeerrorcodes)",
                    "Code: AccountCoreQuotaReached Message: The specified account has reached core quota"),
            new Row("AccountLowPriorityCoreQuotaReached", "reached low priority core quota", Cause.ACCOUNT_LOW_PRIORITY_QUOTA,
                    "PoolResizeErrorCodes (https://learn.microsoft.com/dotnet/api/microsoft.azure.batch.common.poolresizeerrorcodes)",
                    "AccountLowPriorityCoreQuotaReached: The specified account has reached low priority core quota"),
            new Row("AllocationTimedout", "could not be allocated as the resize timeout was reached", Cause.ALLOCATION_TIMED_OUT,
                    "azure-rest-api-specs specification/batch/resource-manager/Microsoft.Batch/Batch/examples/2026-08-01/PoolList.json; "
                            + "https://github.com/Azure/batch-shipyard/issues/191 (2018-04-25)",
                    "Desired number of dedicated nodes could not be allocated as the resize timeout was reached"));

    private KnownErrors() {
    }

    /** The first row matching the error, if any. */
    public static Optional<Row> match(String batchCode, String providerCode, String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return ROWS.stream().filter(r -> r.matches(batchCode, providerCode, lower)).findFirst();
    }
}
