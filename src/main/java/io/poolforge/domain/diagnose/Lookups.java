package io.poolforge.domain.diagnose;

import io.poolforge.domain.ImageReference;
import io.poolforge.domain.ResourceLock;
import io.poolforge.domain.SecurityType;
import java.util.List;

/**
 * What was read from Azure beyond the pool and its image's existence, for the diagnoser to reason on and to list
 * as "checked" or "not checked":
 *
 * @param lockScopes the scopes whose management locks were asked for (image version, definition, gallery, their
 *                   resource group) — ARM "Management Locks - List At Resource Level / Resource Group Level"
 * @param locks the locks found on those scopes (or above them)
 * @param beginGetAccess whether the signed-in identity's permissions on the image include
 *                       Microsoft.Compute/disks/beginGetAccess/action (Microsoft.Authorization "Permissions - List For Resource")
 * @param imageSecurityType the gallery image definition's security type (read with the definition)
 * @param poolSecurityType the pool's virtualMachineConfiguration.securityProfile.securityType (STANDARD when it has none)
 * @param region the Batch account's region
 * @param replicasInRegion replicas of the pool's image version in that region
 * @param imageBase the Marketplace image the custom image was built on, when it is recorded anywhere; null: unknown
 */
public record Lookups(List<String> lockScopes, Looked<List<ResourceLock>> locks, Looked<Boolean> beginGetAccess,
                      Looked<SecurityType> imageSecurityType, Looked<SecurityType> poolSecurityType, String region,
                      Looked<Integer> replicasInRegion, ImageReference imageBase) {
    public static final String BEGIN_GET_ACCESS = "Microsoft.Compute/disks/beginGetAccess/action";

    public Lookups {
        lockScopes = lockScopes == null ? List.of() : List.copyOf(lockScopes);
        locks = locks == null ? Looked.notLooked() : locks;
        beginGetAccess = beginGetAccess == null ? Looked.notLooked() : beginGetAccess;
        imageSecurityType = imageSecurityType == null ? Looked.notLooked() : imageSecurityType;
        poolSecurityType = poolSecurityType == null ? Looked.notLooked() : poolSecurityType;
        replicasInRegion = replicasInRegion == null ? Looked.notLooked() : replicasInRegion;
    }

    /** Nothing looked up. */
    public static Lookups none() {
        return new Lookups(List.of(), null, null, null, null, null, null, null);
    }

    public Lookups withPoolSecurityType(Looked<SecurityType> t) {
        return new Lookups(lockScopes, locks, beginGetAccess, imageSecurityType, t, region, replicasInRegion, imageBase);
    }
}
