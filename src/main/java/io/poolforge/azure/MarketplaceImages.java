package io.poolforge.azure;

import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.MarketplaceImageInfo;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.rules.NodeAgentMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PF-16 second pass: the Hyper-V generation of Marketplace images as Azure reports it (Compute's "Virtual Machine Images -
 * Get", {@code properties.hyperVGeneration}), never guessed from a SKU's name. One per connection (a session): each
 * (location, publisher, offer, SKU, version) is asked once, and what came back is kept, a failed read too (it stays
 * unknown for the session rather than being asked again on every change of the pool step; a new sign-in asks again).
 * Only the images that matter are asked: the one chosen, and the candidates {@link NodeAgentMatcher#generationCandidates}
 * names, at most {@link #MAX_LOOKUPS} a call. Blocking: call from a background task (never the FX thread).
 */
public final class MarketplaceImages {
    private static final Logger LOG = LoggerFactory.getLogger(MarketplaceImages.class);
    /** At most this many images are asked about in one call (the best-ranked candidates; the rest stay unknown). */
    public static final int MAX_LOOKUPS = 8;

    private static final java.util.concurrent.ExecutorService READS = new java.util.concurrent.ThreadPoolExecutor(0, 4, 60,
            java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "poolforge-image-read");
                t.setDaemon(true);
                return t;
            }, new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());

    /** What one read gave: the facts, or none (not found, or the read failed: {@code failed}). */
    public record Read(MarketplaceImageInfo info, boolean failed) {
        public HyperVGeneration generation() { return info == null ? null : info.hyperVGeneration(); }
    }

    private record Key(String location, String publisher, String offer, String sku, String version) {
        static Key of(String location, ImageReference r) {
            return new Key(lc(location), lc(r.publisher()), lc(r.offer()), lc(r.sku()),
                    lc(r.version() == null || r.version().isBlank() ? "latest" : r.version()));
        }

        private static String lc(String s) { return s == null ? "" : s.toLowerCase(Locale.ROOT); }
    }

    private final ComputeGateway compute;
    private final Map<Key, CompletableFuture<Read>> cache = new ConcurrentHashMap<>();

    public MarketplaceImages(ComputeGateway compute) {
        this.compute = compute;
    }

    /** What Azure reports for the image (asked once per session). Blocking. */
    public Read read(String subscriptionId, String location, ImageReference image) {
        if (image == null || !image.isMarketplace() || location == null) return new Read(null, false);
        Key key = Key.of(location, image);
        CompletableFuture<Read> mine = new CompletableFuture<>();
        CompletableFuture<Read> known = cache.putIfAbsent(key, mine);
        if (known != null) return known.join();
        Read r = new Read(null, true);
        try {
            Optional<MarketplaceImageInfo> info = compute.marketplaceImage(subscriptionId, location, image);
            r = new Read(info.orElse(null), false);
        } catch (PoolForgeException | UnsupportedOperationException e) {
            LOG.warn("The Hyper-V generation of {} could not be read: {}", image.display(), SecretMasker.mask(String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            LOG.warn("The Hyper-V generation of {} could not be read: {}", image.display(), e.getClass().getSimpleName());
        } finally {
            mine.complete(r); // whatever happened, whoever waits for this image gets an answer
        }
        return r;
    }

    /** The generation Azure reports for the image, or null (unknown). Blocking. */
    public HyperVGeneration generation(String subscriptionId, String location, ImageReference image) {
        return read(subscriptionId, location, image).generation();
    }

    /** Whatever was already read for the image this session (no call), or null. */
    public Read known(String location, ImageReference image) {
        if (image == null || !image.isMarketplace() || location == null) return null;
        CompletableFuture<Read> f = cache.get(Key.of(location, image));
        return f == null || !f.isDone() ? null : f.join();
    }

    /**
     * {@code all} with the generation Azure reports filled in for the entries of {@code which} (at most {@link #MAX_LOOKUPS},
     * verified and supported ones first), read in parallel; the others keep what this session already read. Blocking.
     */
    public List<SupportedImage> withGenerations(String subscriptionId, String location, List<SupportedImage> all,
                                                Collection<SupportedImage> which) {
        List<SupportedImage> ask = which.stream().filter(s -> s.imageReference().isMarketplace())
                .sorted(Comparator.comparing((SupportedImage s) -> !s.verified()).thenComparing(s -> s.batchSupportEndOfLife() != null))
                .limit(MAX_LOOKUPS).toList();
        Map<SupportedImage, CompletableFuture<Read>> reads = new LinkedHashMap<>();
        for (SupportedImage s : ask) {
            reads.put(s, CompletableFuture.supplyAsync(() -> read(subscriptionId, location, s.imageReference()), READS));
        }
        CompletableFuture.allOf(reads.values().toArray(CompletableFuture[]::new)).join();
        List<SupportedImage> out = new ArrayList<>(all.size());
        for (SupportedImage s : all) {
            Read r = known(location, s.imageReference());
            out.add(r == null ? s : s.withGeneration(r.generation()));
        }
        return out;
    }

    /** {@link #withGenerations} for the candidates the node agent proposal for this image compares. Blocking. */
    public List<SupportedImage> forProposal(String subscriptionId, String location, ImageReference source, OsType osType,
                                            List<SupportedImage> all) {
        return withGenerations(subscriptionId, location, all, NodeAgentMatcher.generationCandidates(source, osType, all));
    }

    /**
     * Inspector and watch: what a diagnosis needs from the Marketplace, read from Azure. The generation of the pool's
     * Marketplace image (a Marketplace pool; the VM size's generation check needs it) and the generations of the supported
     * images the node agent check compares. Blocking; failures leave them unknown.
     */
    public io.poolforge.domain.diagnose.DiagnosisEvidence forDiagnosis(io.poolforge.domain.diagnose.DiagnosisEvidence ev) {
        io.poolforge.domain.BatchAccountInfo a = ev.account();
        if (a == null) return ev;
        HyperVGeneration gen = ev.imageGeneration();
        ImageReference source = ev.sourceImage() != null && ev.sourceImage().isMarketplace() ? ev.sourceImage() : null;
        if (gen == null && source != null && ev.pool().customImageId() == null) {
            gen = generation(a.subscriptionId(), a.location(), source);
        }
        ImageReference base = source != null ? source
                : ev.lookups().imageBase() != null && ev.lookups().imageBase().isMarketplace() ? ev.lookups().imageBase() : null;
        List<SupportedImage> supported = ev.supportedImages().isEmpty() ? ev.supportedImages()
                : forProposal(a.subscriptionId(), a.location(), base, ev.imageOsType(), ev.supportedImages());
        return ev.withGenerations(gen, supported);
    }
}
