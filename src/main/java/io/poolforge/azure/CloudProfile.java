package io.poolforge.azure;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One Azure cloud as data (PF-8): every endpoint, token scope and portal link PoolForge uses is taken from here.
 * Values as {@code az cloud show -n NAME} (Azure CLI 2.45) lists them ({@code endpoints.resourceManager},
 * {@code activeDirectory}, {@code activeDirectoryResourceId}, {@code batchResourceId}, {@code portal}) and as
 * Microsoft documents the sovereign clouds ("Azure Government developer guide", "Azure China developer guide");
 * the Batch account DNS suffixes from the Batch account endpoints of each cloud.
 *
 * @param name            the cloud's name as Azure CLI spells it (AzureCloud, AzureUSGovernment, AzureChinaCloud)
 * @param resourceManager ARM endpoint, ending in '/'
 * @param authorityHost   Microsoft Entra ID authority host, ending in '/'
 * @param armResource     the ARM token audience (resource), ending in '/'
 * @param batchResource   the Batch data plane's token audience (resource), ending in '/'
 * @param batchDnsSuffix  what Batch account endpoints end with ({name}.{region}.{suffix})
 * @param portalHost      the portal, for remedy links
 */
public record CloudProfile(String name, URI resourceManager, URI authorityHost, String armResource, String batchResource,
                           String batchDnsSuffix, String portalHost) {
    public static final CloudProfile AZURE_CLOUD = new CloudProfile("AzureCloud", URI.create("https://management.azure.com/"),
            URI.create("https://login.microsoftonline.com/"), "https://management.core.windows.net/",
            "https://batch.core.windows.net/", "batch.azure.com", "portal.azure.com");
    public static final CloudProfile AZURE_US_GOVERNMENT = new CloudProfile("AzureUSGovernment",
            URI.create("https://management.usgovcloudapi.net/"), URI.create("https://login.microsoftonline.us/"),
            "https://management.core.usgovcloudapi.net/", "https://batch.core.usgovcloudapi.net/", "batch.usgovcloudapi.net",
            "portal.azure.us");
    public static final CloudProfile AZURE_CHINA = new CloudProfile("AzureChinaCloud", URI.create("https://management.chinacloudapi.cn/"),
            URI.create("https://login.chinacloudapi.cn/"), "https://management.core.chinacloudapi.cn/",
            "https://batch.chinacloudapi.cn/", "batch.chinacloudapi.cn", "portal.azure.cn");

    public CloudProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resourceManager, "resourceManager");
        Objects.requireNonNull(authorityHost, "authorityHost");
        Objects.requireNonNull(armResource, "armResource");
        Objects.requireNonNull(batchResource, "batchResource");
    }

    /** The clouds PoolForge knows, public first. */
    public static List<CloudProfile> all() {
        return List.of(AZURE_CLOUD, AZURE_US_GOVERNMENT, AZURE_CHINA);
    }

    /** A cloud by its name (case-insensitive). */
    public static Optional<CloudProfile> named(String name) {
        if (name == null) return Optional.empty();
        return all().stream().filter(c -> c.name.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The ARM token scope: the resource followed by "/.default" (hence the double slash). */
    public String armScope() { return armResource + "/.default"; }

    /** The Batch data plane's token scope. */
    public String batchScope() { return batchResource + "/.default"; }

    /** The portal page where a quota increase is requested. */
    public URI quotaRequestPage() {
        return URI.create("https://" + portalHost + "/#view/Microsoft_Azure_Capacity/QuotaMenuBlade/~/myQuotas");
    }

    /** Which {@link AzureEndpoints.Cloud} this is. */
    public AzureEndpoints.Cloud cloud() {
        return this == AZURE_US_GOVERNMENT || name.equals(AZURE_US_GOVERNMENT.name) ? AzureEndpoints.Cloud.AZURE_US_GOVERNMENT
                : name.equals(AZURE_CHINA.name) ? AzureEndpoints.Cloud.AZURE_CHINA : AzureEndpoints.Cloud.AZURE_PUBLIC;
    }
}
