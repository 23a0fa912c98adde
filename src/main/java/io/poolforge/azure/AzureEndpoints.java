package io.poolforge.azure;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A cloud PoolForge can talk to: Azure public, Azure US Government, Azure China, or the
 * sandbox. Real mode and sandbox mode differ only in these values and the trusted certificate.
 *
 * @param resourceManager ARM endpoint, ending in '/'
 * @param authority       Entra ID authority host (https://login.microsoftonline.com/)
 * @param trustedCertificate PEM of the one extra certificate to trust (the sandbox's), or null
 */
public record AzureEndpoints(Cloud cloud, URI resourceManager, URI authority, Path trustedCertificate) {

    /** The clouds PoolForge knows. */
    public enum Cloud { AZURE_PUBLIC, AZURE_US_GOVERNMENT, AZURE_CHINA, SANDBOX }

    public static final String ARM_SCOPE = "https://management.core.windows.net//.default";
    public static final String BATCH_SCOPE = "https://batch.core.windows.net//.default";

    public AzureEndpoints {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(resourceManager, "resourceManager");
        Objects.requireNonNull(authority, "authority");
        if (!"https".equalsIgnoreCase(resourceManager.getScheme()) || !"https".equalsIgnoreCase(authority.getScheme())) {
            throw new IllegalArgumentException("Azure endpoints must be https (bearer tokens are never sent over http)");
        }
        if (cloud == Cloud.SANDBOX && trustedCertificate == null) {
            throw new IllegalArgumentException("the sandbox needs its certificate");
        }
    }

    public static AzureEndpoints azurePublic() {
        return new AzureEndpoints(Cloud.AZURE_PUBLIC, URI.create("https://management.azure.com/"),
                URI.create("https://login.microsoftonline.com/"), null);
    }

    public static AzureEndpoints azureUsGovernment() {
        return new AzureEndpoints(Cloud.AZURE_US_GOVERNMENT, URI.create("https://management.usgovcloudapi.net/"),
                URI.create("https://login.microsoftonline.us/"), null);
    }

    public static AzureEndpoints azureChina() {
        return new AzureEndpoints(Cloud.AZURE_CHINA, URI.create("https://management.chinacloudapi.cn/"),
                URI.create("https://login.chinacloudapi.cn/"), null);
    }

    public static AzureEndpoints sandbox(URI resourceManager, URI authority, Path certificatePem) {
        return new AzureEndpoints(Cloud.SANDBOX, resourceManager, authority, certificatePem);
    }

    public boolean isSandbox() { return cloud == Cloud.SANDBOX; }

    /** The portal page where a quota increase is requested (the "open quota request page" action). */
    public URI quotaRequestPage() {
        return switch (cloud) {
            case AZURE_US_GOVERNMENT -> URI.create("https://portal.azure.us/#view/Microsoft_Azure_Capacity/QuotaMenuBlade/~/myQuotas");
            case AZURE_CHINA -> URI.create("https://portal.azure.cn/#view/Microsoft_Azure_Capacity/QuotaMenuBlade/~/myQuotas");
            default -> URI.create("https://portal.azure.com/#view/Microsoft_Azure_Capacity/QuotaMenuBlade/~/myQuotas");
        };
    }
}
