package io.poolforge.azure;

import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.GalleryImageInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResourceLock;
import io.poolforge.domain.RolePermission;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.SecurityType;
import io.poolforge.domain.diagnose.Looked;
import io.poolforge.domain.diagnose.Lookups;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The look-ups a diagnosis rests on, through the ports, for the watch, the inspector, {@code poolforge inspect} and
 * the first-node stage alike: management locks on the pool's image (and, through ARM's list at resource level, on its
 * definition, gallery, resource group and subscription), the signed-in identity's permission
 * {@code Microsoft.Compute/disks/beginGetAccess/action} on it ("the identity creating the pool needs ...
 * Microsoft.Compute/disks/beginGetAccess/action", batch-sig-images, read 2026-12-07), the image definition's security
 * type and the version's replicas in the account's region. Blocking: call from a background task. A look-up that fails
 * is recorded as failed with its (masked) reason, never guessed.
 */
public final class DiagnosisLookups {
    private DiagnosisLookups() {
    }

    /** What can be read about the pool's custom image; {@link Lookups#none()} for a Marketplace pool. */
    public static Lookups of(ComputeGateway compute, BatchAccountInfo account, PoolInfo pool) {
        return of(compute, null, account, pool);
    }

    /** As {@link #of(ComputeGateway, BatchAccountInfo, PoolInfo)}, and the pool's own security type read through {@code batch}. */
    public static Lookups of(ComputeGateway compute, BatchGateway batch, BatchAccountInfo account, PoolInfo pool) {
        String imageId = pool.customImageId();
        Looked<SecurityType> poolType = Looked.unavailable("diagnose.reason.poolProfileNotRead");
        if (batch != null && account != null) {
            Looked<Optional<SecurityType>> t = look(() -> batch.poolSecurityType(account, pool.id()));
            if (t.isRead() && t.value().isPresent()) poolType = Looked.read(t.value().get());
            else if (t.isFailed()) poolType = new Looked<>(null, t.failure(), null);
        }
        if (imageId == null) return Lookups.none().withPoolSecurityType(poolType);
        String region = account == null ? null : account.location();
        List<String> scopes = scopes(imageId);
        Looked<List<ResourceLock>> locks = look(() -> compute.locksOn(imageId));
        Looked<List<RolePermission>> perms = look(() -> compute.permissionsOn(imageId));
        Looked<Boolean> getAccess = perms.isRead() ? Looked.read(RolePermission.allows(perms.value(), Lookups.BEGIN_GET_ACCESS))
                : new Looked<>(null, perms.failure(), perms.whyKey());
        // (a failed look-up keeps its reason; a value read is the answer)
        Looked<SecurityType> imageType = Looked.notLooked();
        Looked<Integer> replicas = Looked.notLooked();
        String lower = imageId.toLowerCase(Locale.ROOT);
        if (lower.contains("/galleries/") && lower.contains("/versions/")) {
            Looked<Optional<GalleryImageVersionInfo>> v = look(() -> compute.findImageVersion(imageId));
            if (v.isRead() && v.value().isPresent()) {
                imageType = Looked.read(v.value().get().image().securityType());
                if (region != null) replicas = Looked.read(v.value().get().replicasIn(region));
            } else if (v.isFailed()) {
                imageType = new Looked<>(null, v.failure(), null);
                replicas = new Looked<>(null, v.failure(), null);
            }
        } else if (lower.contains("/galleries/")) {
            Looked<Optional<GalleryImageInfo>> d = look(() -> compute.findImageDefinition(imageId));
            if (d.isRead() && d.value().isPresent()) imageType = Looked.read(d.value().get().securityType());
            else if (d.isFailed()) imageType = new Looked<>(null, d.failure(), null);
            Looked<List<GalleryImageVersionInfo>> vs = look(() -> compute.listImageVersions(imageId));
            if (vs.isRead() && !vs.value().isEmpty() && region != null) {
                replicas = Looked.read(vs.value().get(vs.value().size() - 1).replicasIn(region));
            } else if (vs.isFailed()) {
                replicas = new Looked<>(null, vs.failure(), null);
            }
        }
        return new Lookups(scopes, locks, getAccess, imageType, poolType, region, replicas, base(compute, imageId));
    }

    /**
     * The Marketplace image the pool's image was built on, read along what it was made from: the version's (or the
     * managed image's) OS snapshot, the disk that snapshot copied, and that disk's {@code creationData.imageReference}.
     * Null when any link is gone or unreadable: the base is then unknown, never guessed.
     */
    static io.poolforge.domain.ImageReference base(ComputeGateway compute, String imageId) {
        String lower = imageId.toLowerCase(Locale.ROOT);
        List<String> sources;
        if (lower.contains("/galleries/") && lower.contains("/versions/")) {
            Looked<Optional<GalleryImageVersionInfo>> v = look(() -> compute.findImageVersion(imageId));
            sources = v.isRead() && v.value().isPresent() ? v.value().get().sourceIds() : List.of();
        } else if (lower.contains("/galleries/")) {
            Looked<List<GalleryImageVersionInfo>> vs = look(() -> compute.listImageVersions(imageId));
            sources = vs.isRead() && !vs.value().isEmpty() ? vs.value().get(vs.value().size() - 1).sourceIds() : List.of();
        } else {
            Looked<Optional<io.poolforge.domain.ManagedImageInfo>> m = look(() -> compute.findManagedImage(imageId));
            sources = m.isRead() && m.value().isPresent() ? m.value().get().sourceIds() : List.of();
        }
        if (sources.isEmpty()) return null;
        String os = sources.get(0);
        String disk = os;
        if (os.toLowerCase(Locale.ROOT).contains("/snapshots/")) {
            Looked<Optional<SnapshotInfo>> snap = look(() -> compute.findSnapshot(os));
            if (!snap.isRead() || snap.value().isEmpty()) return null;
            disk = snap.value().get().sourceResourceId();
        }
        if (disk == null || !disk.toLowerCase(Locale.ROOT).contains("/disks/")) return null;
        String d = disk;
        Looked<Optional<io.poolforge.domain.ImageReference>> ref = look(() -> compute.diskSourceImage(d));
        return ref.isRead() ? ref.value().orElse(null) : null;
    }

    private static final java.util.regex.Pattern PLATFORM_IMAGE = java.util.regex.Pattern.compile(
            "(?i)/publishers/([^/]+)/artifacttypes/vmimage/offers/([^/]+)/skus/([^/]+)/versions/([^/]+)$");

    /** A platform (Marketplace) image path as Compute writes it in a disk's creationData, or null for any other id. */
    public static io.poolforge.domain.ImageReference platformImage(String id) {
        if (id == null) return null;
        java.util.regex.Matcher m = PLATFORM_IMAGE.matcher(id);
        return m.find() ? io.poolforge.domain.ImageReference.marketplace(m.group(1), m.group(2), m.group(3), m.group(4)) : null;
    }

    /** The image and the scopes above it whose locks apply: definition, gallery, resource group. */
    static List<String> scopes(String imageId) {
        List<String> out = new ArrayList<>();
        out.add(imageId);
        String lower = imageId.toLowerCase(Locale.ROOT);
        int v = lower.indexOf("/versions/");
        if (v > 0) out.add(imageId.substring(0, v));
        int i = lower.indexOf("/images/");
        if (lower.contains("/galleries/") && i > 0) out.add(imageId.substring(0, i));
        int p = lower.indexOf("/providers/");
        if (p > 0) out.add(imageId.substring(0, p));
        return out;
    }

    private static <T> Looked<T> look(Supplier<T> s) {
        try {
            T v = s.get();
            return v == null ? Looked.notLooked() : Looked.read(v);
        } catch (UnsupportedOperationException e) {
            return Looked.unavailable("diagnose.reason.notLooked");
        } catch (io.poolforge.domain.PoolForgeException e) {
            return Looked.failed(io.poolforge.domain.LocalizedText.of(e.key(), e.args()));
        } catch (RuntimeException e) {
            return Looked.failed(SecretMasker.mask(String.valueOf(e.getMessage())));
        }
    }
}
