package io.poolforge.domain.rules;

import io.poolforge.domain.AuthMethod;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.Fixtures;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A mutable builder for PoolContext, good by default. */
final class Ctx {
    BatchAccountInfo account = Fixtures.account();
    AuthMethod auth = AuthMethod.ENTRA_ID;
    List<PoolInfo> pools = new ArrayList<>(List.of(Fixtures.pool("render-pool", "/subscriptions/" + Fixtures.SUB
            + "/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/pfGallery/images/render/versions/1.0.0", 4, 0)));
    List<VmSkuInfo> sizes = Fixtures.vmSizes();
    List<SupportedImage> supported = Fixtures.supportedImages();
    ImageTarget kind = ImageTarget.GALLERY;
    OsType os = OsType.LINUX;
    HyperVGeneration generation = HyperVGeneration.V2;
    ImageReference source = Fixtures.UBUNTU_GEN2;
    Map<String, List<String>> sources = new HashMap<>();
    Integer replicas = 1;
    LocalDate today = Fixtures.TODAY;

    PoolContext build() {
        return new PoolContext(account, auth, pools, sizes, supported, kind, os, generation, source, sources, replicas, today);
    }
}
