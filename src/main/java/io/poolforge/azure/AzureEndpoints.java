package io.poolforge.azure;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where PoolForge talks to: Azure public, Azure US Government, Azure China, or the sandbox. Real mode and
 * sandbox mode differ only in these values and the trusted certificate. {@code profile} is the cloud's data
 * ({@link CloudProfile}: token scopes, Batch resource, DNS suffix, portal); a sandbox presents itself as one of
 * the clouds (its token audiences are that cloud's), so the same scopes are asked of it.
 *
 * @param resourceManager ARM endpoint, ending in '/'
 * @param authority       Entra ID authority host (https://login.microsoftonline.com/)
 * @param trustedCertificate PEM of the one extra certificate to trust (the sandbox's), or null
 * @param profile         the cloud's table row (for the sandbox: the cloud it presents itself as)
 */
public record AzureEndpoints(Cloud cloud, URI resourceManager, URI authority, Path trustedCertificate, CloudProfile profile) {

    /** The clouds PoolForge knows. */
    public enum Cloud { AZURE_PUBLIC, AZURE_US_GOVERNMENT, AZURE_CHINA, SANDBOX }

    public AzureEndpoints {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(resourceManager, "resourceManager");
        Objects.requireNonNull(authority, "authority");
        if (profile == null) profile = profileOf(cloud);
        if (!"https".equalsIgnoreCase(resourceManager.getScheme()) || !"https".equalsIgnoreCase(authority.getScheme())) {
            throw new IllegalArgumentException("Azure endpoints must be https (bearer tokens are never sent over http)");
        }
        if (cloud == Cloud.SANDBOX && trustedCertificate == null) {
            throw new IllegalArgumentException("the sandbox needs its certificate");
        }
    }

    public AzureEndpoints(Cloud cloud, URI resourceManager, URI authority, Path trustedCertificate) {
        this(cloud, resourceManager, authority, trustedCertificate, null);
    }

    private static CloudProfile profileOf(Cloud cloud) {
        return switch (cloud) {
            case AZURE_US_GOVERNMENT -> CloudProfile.AZURE_US_GOVERNMENT;
            case AZURE_CHINA -> CloudProfile.AZURE_CHINA;
            default -> CloudProfile.AZURE_CLOUD;
        };
    }

    /** A real cloud, every value from its table row. */
    public static AzureEndpoints of(CloudProfile p) {
        return new AzureEndpoints(p.cloud(), p.resourceManager(), p.authorityHost(), null, p);
    }

    public static AzureEndpoints azurePublic() { return of(CloudProfile.AZURE_CLOUD); }

    public static AzureEndpoints azureUsGovernment() { return of(CloudProfile.AZURE_US_GOVERNMENT); }

    public static AzureEndpoints azureChina() { return of(CloudProfile.AZURE_CHINA); }

    /** The sandbox presenting itself as Azure public. */
    public static AzureEndpoints sandbox(URI resourceManager, URI authority, Path certificatePem) {
        return sandbox(resourceManager, authority, certificatePem, CloudProfile.AZURE_CLOUD);
    }

    /** The sandbox presenting itself as {@code presents} (token audiences, scopes, Batch resource). */
    public static AzureEndpoints sandbox(URI resourceManager, URI authority, Path certificatePem, CloudProfile presents) {
        return new AzureEndpoints(Cloud.SANDBOX, resourceManager, authority, certificatePem, presents);
    }

    public boolean isSandbox() { return cloud == Cloud.SANDBOX; }

    /** The portal page where a quota increase is requested (the "open quota request page" action). */
    public URI quotaRequestPage() {
        return profile.quotaRequestPage();
    }
}
