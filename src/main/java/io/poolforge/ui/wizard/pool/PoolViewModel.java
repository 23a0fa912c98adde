package io.poolforge.ui.wizard.pool;

import io.poolforge.domain.AuthMethod;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.domain.VmSummary;
import io.poolforge.domain.rules.NodeAgentMatcher;
import io.poolforge.domain.rules.NodeAgentProposal;
import io.poolforge.domain.rules.PoolContext;
import io.poolforge.domain.rules.PoolRules;
import io.poolforge.domain.rules.ResizePlanner;
import io.poolforge.domain.rules.Violation;
import io.poolforge.ui.wizard.WizardSession;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Step 5: the pool. Image (from step 4), node agent SKU proposed from the VM's base image, node
 * size among the sizes Batch supports in the region (with quota headroom), dedicated and Spot
 * (low-priority) nodes, resize timeout and pool id — every change checked by the pool rules.
 */
public final class PoolViewModel {
    private final WizardSession session;
    private final StringProperty poolId = new SimpleStringProperty("");
    private final StringProperty nodeAgentSku = new SimpleStringProperty("");
    private final ObjectProperty<LocalizedText> proposal = new SimpleObjectProperty<>();
    private final ObjectProperty<VmSkuInfo> vmSize = new SimpleObjectProperty<>();
    private final StringProperty sizeFilter = new SimpleStringProperty("");
    private final IntegerProperty dedicated = new SimpleIntegerProperty(2);
    private final IntegerProperty lowPriority = new SimpleIntegerProperty(0);
    private final IntegerProperty timeoutMinutes = new SimpleIntegerProperty(20);
    private final ObservableList<String> nodeAgentSkus = FXCollections.observableArrayList();
    private final FilteredList<VmSkuInfo> sizes;
    private final ObservableList<Violation> violations = FXCollections.observableArrayList();
    private Object builtFor;
    /**
     * PF-20 (second pass): what is wrong with a typed count or timeout, said under its field (null when in range). The
     * fields keep what was typed (100000 stayed 100000, 2 stayed 2: nothing is clamped without a word); the pool rules
     * refuse the same values, so Next stays disabled and says why.
     */
    private final ObjectProperty<LocalizedText> dedicatedRange = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> lowPriorityRange = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> timeoutRange = new SimpleObjectProperty<>();
    private final StringProperty blockedKey = new SimpleStringProperty("wizard.blocked.pool");
    /** The shortest resize timeout the field takes: Batch's minimum (ResizePlanner.MINIMUM_TIMEOUT, Batch REST). */
    public static final int MIN_TIMEOUT_MINUTES = (int) ResizePlanner.MINIMUM_TIMEOUT.toMinutes();
    /** The longest: PoolForge's own bound (PlanShapeRules.MAXIMUM_TIMEOUT, 7 days; Batch documents none). */
    public static final int MAX_TIMEOUT_MINUTES = (int) io.poolforge.domain.rules.PlanShapeRules.MAXIMUM_TIMEOUT.toMinutes();
    /** The most nodes of either kind the fields take: PoolForge's own bound (PlanShapeRules.MAXIMUM_NODES). */
    public static final int MAX_NODES = io.poolforge.domain.rules.PlanShapeRules.MAXIMUM_NODES;

    // PF-15: the image type and the publisher/offer/SKU (of the Marketplace image, or of a custom image's base).
    private final ObjectProperty<PoolImageType> imageType = new SimpleObjectProperty<>(PoolImageType.GALLERY);
    private final BooleanProperty latestVersion = new SimpleBooleanProperty();
    private final StringProperty publisher = new SimpleStringProperty();
    private final StringProperty offer = new SimpleStringProperty();
    private final StringProperty sku = new SimpleStringProperty();
    private final StringProperty version = new SimpleStringProperty(ImagePlan.LATEST);
    private final ObservableList<String> publishers = FXCollections.observableArrayList();
    private final ObservableList<String> offers = FXCollections.observableArrayList();
    private final ObservableList<String> skus = FXCollections.observableArrayList();
    private final ObservableList<String> versions = FXCollections.observableArrayList(ImagePlan.LATEST);
    private final ObjectProperty<SupportedImage> chosenImage = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> baseNote = new SimpleObjectProperty<>();
    /** PF-16: what the pool's securityProfile will be, in words (null: none needed). */
    private final ObjectProperty<LocalizedText> securityNote = new SimpleObjectProperty<>();
    private boolean cascading;
    /** Each image type keeps its own publisher/offer/SKU: a Marketplace trial does not change the custom image's base. */
    private final java.util.Map<PoolImageType, String[]> cascadeByType = new java.util.EnumMap<>(PoolImageType.class);

    /** The node agent SKU this model last proposed (a look-up that arrives later does not override a user's own choice). */
    private String lastProposed;
    /** The Marketplace images' generations: what is known, the look-ups (the facts line listens to their count). */
    private final ImageGenerations generations;

    public PoolViewModel(WizardSession session) {
        this(session, null, k -> k);
    }

    /**
     * @param tasks  where the look-ups of Marketplace images' generations run (PF-16 second pass: never on the FX thread)
     * @param titles a task title for a message key (the status line shows it)
     */
    public PoolViewModel(WizardSession session, io.poolforge.task.TaskExecutor tasks, java.util.function.Function<String, String> titles) {
        this.session = session;
        this.generations = new ImageGenerations(session, tasks, titles);
        this.sizes = new FilteredList<>(session.vmSizes());
        sizeFilter.addListener((o, a, text) -> {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            sizes.setPredicate(s -> t.isEmpty() || s.name().toLowerCase(Locale.ROOT).contains(t)
                    || s.family().toLowerCase(Locale.ROOT).contains(t));
        });
        for (var p : List.of(poolId, nodeAgentSku)) p.addListener((o, a, b) -> update());
        vmSize.addListener((o, a, b) -> update());
        for (var p : List.of(dedicated, lowPriority, timeoutMinutes)) p.addListener((o, a, b) -> update());
        session.imageProperty().addListener((o, a, b) -> update());
        session.accountUsageProperty().addListener((o, a, b) -> update());
        publisher.addListener((o, a, b) -> cascade());
        offer.addListener((o, a, b) -> cascade());
        sku.addListener((o, a, b) -> cascade());
        imageType.addListener((o, a, b) -> {
            if (b == PoolImageType.MANAGED) {
                imageType.set(a == null ? PoolImageType.GALLERY : a); // listed, not selectable
                return;
            }
            if (a != null && a != PoolImageType.MANAGED) cascadeByType.put(a, new String[] {publisher.get(), offer.get(), sku.get()});
            String[] back = cascadeByType.get(b);
            if (back != null) {
                cascading = true;
                try {
                    publisher.set(back[0]);
                    offer.set(back[1]);
                    sku.set(back[2]);
                } finally {
                    cascading = false;
                }
                cascade();
                return;
            }
            followNodeAgent();
            update();
        });
        latestVersion.addListener((o, a, b) -> update());
    }

    public ObjectProperty<PoolImageType> imageTypeProperty() { return imageType; }

    /** For an existing gallery image: use the definition's latest version rather than the chosen one. */
    public BooleanProperty latestVersionProperty() { return latestVersion; }

    public StringProperty publisherProperty() { return publisher; }

    public StringProperty offerProperty() { return offer; }

    public StringProperty skuProperty() { return sku; }

    public StringProperty versionProperty() { return version; }

    public ObservableList<String> publishers() { return publishers; }

    public ObservableList<String> offers() { return offers; }

    public ObservableList<String> skus() { return skus; }

    public ObservableList<String> versions() { return versions; }

    /** The supported-images entry publisher/offer/SKU name, or null. */
    public ObjectProperty<SupportedImage> chosenImageProperty() { return chosenImage; }

    /** What the publisher/offer/SKU choice means for a custom image (prefilled from the VM, or to pick). */
    public ObjectProperty<LocalizedText> baseNoteProperty() { return baseNote; }

    /** PF-16: the pool's security profile in words, or null when the image needs none. */
    public ObjectProperty<LocalizedText> securityNoteProperty() { return securityNote; }

    /**
     * PF-16: a size's Trusted Launch capability as Azure reports it in the supported VM SKUs (HyperVGenerations,
     * TrustedLaunchDisabled; trusted-launch-faq.md), as a message key.
     */
    public static String trustedLaunchKey(VmSkuInfo s) {
        if (s.trustedLaunchDisabled()) return "wizard.pool.size.tl.disabled";
        return s.runsTrustedLaunch() ? "wizard.pool.size.tl.yes" : "wizard.pool.size.tl.gen1";
    }

    /** True when the custom image's Marketplace base is not known (no VM, or a VM not from the Marketplace). */
    public boolean baseUnknown() {
        VmSummary vm = session.vm();
        return vm == null || vm.imageReference() == null || !vm.imageReference().isMarketplace();
    }

    /** The image the pool will reference, as shown: the gallery id (definition for "latest") or the Marketplace URN. */
    public String imageShown() {
        if (imageType.get() == PoolImageType.MARKETPLACE) {
            ImageReference m = marketplaceReference();
            return m == null ? "" : m.display();
        }
        ImagePlan image = effectiveImage();
        return image == null ? "" : image.imageId();
    }

    private ImagePlan effectiveImage() {
        ImagePlan image = session.imageProperty().get();
        return image != null && session.fromExistingImage() && latestVersion.get() ? image.withVersion(ImagePlan.LATEST) : image;
    }

    private ImageReference marketplaceReference() {
        SupportedImage c = chosenImage.get();
        if (c == null) return null;
        ImageReference r = c.imageReference();
        return ImageReference.marketplace(r.publisher(), r.offer(), r.sku(), version.get());
    }

    /**
     * The supported images with the Hyper-V generation Azure reported for each one this session has read (PF-16 second
     * pass); the others' generation is unknown (null), never guessed from the SKU's name.
     */
    List<SupportedImage> supported() {
        return generations.supported();
    }

    /**
     * The chosen image's facts as shown under the cascade: verification, OS, the generation Azure reports ("not read yet"
     * while the look-up runs, "unknown" when it failed or Azure did not report one), and Batch's end of support.
     */
    public LocalizedText imageFacts() {
        SupportedImage c = chosenImage.get();
        if (c == null) return LocalizedText.of("wizard.pool.market.none");
        LocalizedText verification = LocalizedText.of(c.verified() ? "wizard.pool.market.verified" : "wizard.pool.market.unverified");
        String os = c.osType() == null ? "" : c.osType() == io.poolforge.domain.OsType.WINDOWS ? "Windows" : "Linux";
        Object gen = generations.shown(c);
        if (c.batchSupportEndOfLife() == null) return LocalizedText.of("wizard.pool.market.facts", verification, os, gen);
        boolean ended = !java.time.Instant.now(session.clock()).isBefore(c.batchSupportEndOfLife());
        return LocalizedText.of(ended ? "wizard.pool.market.factsEnded" : "wizard.pool.market.factsEnd", verification, os, gen,
                c.batchSupportEndOfLife().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    }

    /** Changes each time a look-up of generations ends. */
    public IntegerProperty generationReadsProperty() { return generations.readsProperty(); }

    /** The look-up is over: the chosen image shows its generation, the proposal follows (unless the user chose a SKU). */
    private void generationsRead() {
        SupportedImage c = chosenImage.get();
        if (c != null) {
            SupportedImage now = supported().stream().filter(s -> s.imageReference().sameSku(c.imageReference())).findFirst().orElse(c);
            if (!now.equals(c)) chosenImage.set(now);
        }
        String current = nodeAgentSku.get();
        boolean userChose = current != null && !current.isBlank() && !current.equals(lastProposed);
        if (imageType.get() == PoolImageType.GALLERY && prefilled != null
                && java.util.Arrays.equals(prefilled, new String[] {publisher.get(), offer.get(), sku.get()})) {
            // The custom image's base was prefilled before the generations were known: prefill it again with them.
            prefillBase(session.vm(), session.imageProperty().get());
        } else {
            followNodeAgent();
        }
        if (userChose) nodeAgentSku.set(current);
        update();
    }

    /** The publisher/offer/SKU {@link #prefillBase} chose (null: none), to tell it from the user's own choice. */
    private String[] prefilled;

    private void proposeSku(String skuId) {
        lastProposed = skuId;
        nodeAgentSku.set(skuId);
    }

    /** publisher → offer → SKU: each list follows the choice above it; the node agent follows the SKU. */
    private void cascade() {
        if (cascading) return;
        cascading = true;
        try {
            List<SupportedImage> all = supported();
            // Replacing a combo's items may clear its value (and, bound, the property): keep the choices first.
            String p0 = publisher.get();
            String o0 = offer.get();
            String s0 = sku.get();
            replace(publishers, all.stream().map(s -> s.imageReference().publisher()).distinct().sorted().toList());
            publisher.set(publishers.contains(p0) ? p0 : null);
            replace(offers, all.stream().filter(s -> s.imageReference().publisher().equals(publisher.get()))
                    .map(s -> s.imageReference().offer()).distinct().sorted().toList());
            offer.set(offers.contains(o0) ? o0 : offers.isEmpty() ? null : offers.get(0));
            replace(skus, all.stream().filter(s -> s.imageReference().publisher().equals(publisher.get())
                    && s.imageReference().offer().equals(offer.get())).map(s -> s.imageReference().sku()).distinct().sorted().toList());
            sku.set(skus.contains(s0) ? s0 : skus.isEmpty() ? null : skus.get(0));
            chosenImage.set(all.stream().filter(s -> s.imageReference().publisher().equals(publisher.get())
                    && s.imageReference().offer().equals(offer.get()) && s.imageReference().sku().equals(sku.get()))
                    .findFirst().orElse(null));
        } finally {
            cascading = false;
        }
        followNodeAgent();
        update();
        generations.lookUp(chosenImage.get(), this::generationsRead);
    }

    private static void replace(ObservableList<String> list, List<String> items) {
        if (!list.equals(items)) list.setAll(items);
    }

    /** The node agent SKU from the chosen image (Marketplace) or the custom image's base, with the reason. */
    private void followNodeAgent() {
        List<SupportedImage> supported = supported();
        SupportedImage c = chosenImage.get();
        VmSummary vm = session.vm();
        ImagePlan image = session.imageProperty().get();
        if (imageType.get() == PoolImageType.MARKETPLACE) {
            baseNote.set(null);
            if (c == null) return;
            proposeSku(c.nodeAgentSkuId());
            proposal.set(LocalizedText.of("wizard.pool.market.agent", c.nodeAgentSkuId(), c.imageReference().display()));
            return;
        }
        ImageReference vmBase = vm == null ? null : vm.imageReference();
        boolean fromVm = c != null && vmBase != null && vmBase.isMarketplace() && c.imageReference().sameSku(vmBase);
        if (c != null && !fromVm) {
            proposeSku(c.nodeAgentSkuId());
            proposal.set(LocalizedText.of("wizard.pool.base.agent", c.nodeAgentSkuId(), c.imageReference().display()));
        } else {
            NodeAgentProposal p = NodeAgentMatcher.propose(vmBase, vm != null ? vm.osType() : image == null ? null : image.osType(),
                    vm != null ? vm.hyperVGeneration() : image == null ? null : image.hyperVGeneration(), supported);
            proposal.set(p.explanation());
            if (p.found()) proposeSku(p.nodeAgentSkuId());
        }
        baseNote.set(baseUnknown() ? LocalizedText.of("wizard.pool.base.unknown")
                : LocalizedText.of("wizard.pool.base.prefilled", vmBase.display()));
    }

    /** Prefills publisher/offer/SKU from the VM's Marketplace base when Batch lists it, else from the first supported image of the image's OS. */
    private void prefillBase(VmSummary vm, ImagePlan image) {
        List<SupportedImage> supported = supported();
        ImageReference base = vm == null ? null : vm.imageReference();
        var os = vm != null ? vm.osType() : image == null ? null : image.osType();
        var gen = vm != null ? vm.hyperVGeneration() : image == null ? null : image.hyperVGeneration();
        SupportedImage pick = base != null && base.isMarketplace()
                ? supported.stream().filter(s -> s.imageReference().sameSku(base)).findFirst().orElse(null) : null;
        if (pick == null) {
            NodeAgentProposal p = NodeAgentMatcher.propose(base, os, gen, supported);
            pick = p.match();
        }
        cascading = true;
        try {
            publisher.set(pick == null ? null : pick.imageReference().publisher());
            offer.set(pick == null ? null : pick.imageReference().offer());
            sku.set(pick == null ? null : pick.imageReference().sku());
        } finally {
            cascading = false;
        }
        prefilled = new String[] {publisher.get(), offer.get(), sku.get()};
        cascade();
    }

    public StringProperty poolIdProperty() { return poolId; }

    public StringProperty nodeAgentSkuProperty() { return nodeAgentSku; }

    public ObjectProperty<LocalizedText> proposalProperty() { return proposal; }

    public ObjectProperty<VmSkuInfo> vmSizeProperty() { return vmSize; }

    public StringProperty sizeFilterProperty() { return sizeFilter; }

    public IntegerProperty dedicatedProperty() { return dedicated; }

    public IntegerProperty lowPriorityProperty() { return lowPriority; }

    public IntegerProperty timeoutMinutesProperty() { return timeoutMinutes; }

    public ObservableList<String> nodeAgentSkus() { return nodeAgentSkus; }

    public ObservableList<VmSkuInfo> sizes() { return sizes; }

    public ObservableList<Violation> violations() { return violations; }

    /** PF-20: the dedicated count's range message (null when in range). */
    public ObjectProperty<LocalizedText> dedicatedRangeProperty() { return dedicatedRange; }

    /** PF-20: the Spot count's range message (null when in range). */
    public ObjectProperty<LocalizedText> lowPriorityRangeProperty() { return lowPriorityRange; }

    /** PF-20: the resize timeout's range message (null when in range). */
    public ObjectProperty<LocalizedText> timeoutRangeProperty() { return timeoutRange; }

    /** Why Next is disabled: a typed value out of range (said under its field), or the findings listed on the page. */
    public StringProperty blockedKeyProperty() { return blockedKey; }

    /** The typed values against their ranges, said under each field (FX thread). */
    private void ranges() {
        dedicatedRange.set(countRange(dedicated.get()));
        lowPriorityRange.set(countRange(lowPriority.get()));
        int t = timeoutMinutes.get();
        timeoutRange.set(t < MIN_TIMEOUT_MINUTES ? LocalizedText.of("wizard.pool.range.timeoutShort", t, MIN_TIMEOUT_MINUTES, MAX_TIMEOUT_MINUTES)
                : t > MAX_TIMEOUT_MINUTES ? LocalizedText.of("wizard.pool.range.timeoutLong", t, MIN_TIMEOUT_MINUTES, MAX_TIMEOUT_MINUTES)
                : null);
        boolean out = dedicatedRange.get() != null || lowPriorityRange.get() != null || timeoutRange.get() != null;
        blockedKey.set(out ? "wizard.blocked.pool.range" : "wizard.blocked.pool");
    }

    private static LocalizedText countRange(int n) {
        return n < 0 || n > MAX_NODES ? LocalizedText.of("wizard.pool.range.nodes", n, MAX_NODES) : null;
    }

    public WizardSession session() { return session; }

    public BooleanBinding invalidProperty() {
        return Bindings.createBooleanBinding(() -> session.poolProperty().get() == null, session.poolProperty());
    }

    /** Dedicated cores the account can still use in a size's family (quota minus usage), or null if not enforced. */
    public Integer familyHeadroom(VmSkuInfo size) {
        BatchAccountInfo a = session.accountWithUsage();
        if (a == null) return null;
        Integer quota = a.familyCoreQuota(size.family());
        return quota == null ? null : quota - a.usage().familyCores(size.family());
    }

    private PoolInfo replacing;

    /**
     * Pre-fills the step for a replacement of {@code old} (same size, node agent SKU, node counts
     * and timeout; id {@code <old>-gallery}); applied the next time the step is entered.
     */
    public void prefillReplacementOf(PoolInfo old) {
        replacing = old;
    }

    public void enter() {
        VmSummary vm = session.vm();
        ImagePlan image = session.imageProperty().get();
        // The pool is proposed from the VM, or, starting from an existing image, from that image.
        Object source = vm != null ? vm : image;
        if (source != null && !source.equals(builtFor)) {
            builtFor = source;
            String base = vm != null ? vm.name() : image.imageDefinitionName();
            poolId.set(base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-") + "-pool");
            List<SupportedImage> supported = supported();
            nodeAgentSkus.setAll(supported.stream().map(SupportedImage::nodeAgentSkuId).distinct().sorted().toList());
            NodeAgentProposal p = vm != null
                    ? NodeAgentMatcher.propose(vm.imageReference(), vm.osType(), vm.hyperVGeneration(), supported)
                    : NodeAgentMatcher.propose(null, image.osType(), image.hyperVGeneration(), supported);
            proposal.set(p.explanation());
            if (p.found()) proposeSku(p.nodeAgentSkuId());
            latestVersion.set(false);
            cascadeByType.clear();
            prefillBase(vm, image);
            if (vmSize.get() == null) {
                var generation = vm != null ? vm.hyperVGeneration() : image.hyperVGeneration();
                String current = vm != null ? vm.vmSize() : null;
                // PF-20: not the VM's own size when that size has no temporary disk (the VM step says so: Batch nodes
                // need the default temporary drive); then a size of the same vCPUs that has one, else the first that boots.
                VmSkuInfo own = session.vmSizes().stream().filter(s -> s.name().equalsIgnoreCase(current)).findFirst().orElse(null);
                List<VmSkuInfo> withTempDisk = session.vmSizes().stream().filter(s -> s.boots(generation) && !s.lacksTempDisk()).toList();
                vmSize.set(own != null && !own.lacksTempDisk() ? own
                        : withTempDisk.stream().filter(s -> own != null && s.vCpus() == own.vCpus()).findFirst()
                        .orElse(withTempDisk.stream().findFirst()
                                .orElse(session.vmSizes().stream().filter(s -> s.boots(generation)).findFirst().orElse(null))));
            }
            timeoutMinutes.set((int) ResizePlanner.recommendedTimeout(dedicated.get() + lowPriority.get()).toMinutes());
        }
        if (replacing != null) {
            PoolInfo old = replacing;
            replacing = null;
            poolId.set((old.id() + "-gallery").length() <= 64 ? old.id() + "-gallery" : old.id());
            if (old.nodeAgentSkuId() != null) nodeAgentSku.set(old.nodeAgentSkuId());
            session.vmSizes().stream().filter(z -> z.name().equalsIgnoreCase(old.vmSize())).findFirst().ifPresent(vmSize::set);
            dedicated.set(old.targetDedicatedNodes());
            lowPriority.set(old.targetLowPriorityNodes());
            if (old.resizeTimeout() != null) timeoutMinutes.set((int) Math.max(5, old.resizeTimeout().toMinutes()));
        }
        update();
    }

    /** 1 on, 0 off, 2 not set (Azure's default): the message's choice. */
    private static int onOff(Boolean b) {
        return b == null ? 2 : b ? 1 : 0;
    }

    private void update() {
        ranges();
        ImagePlan image = effectiveImage();
        BatchAccountInfo account = session.accountWithUsage();
        VmSummary vm = session.vm();
        boolean market = imageType.get() == PoolImageType.MARKETPLACE;
        if (account == null || (!market && (image == null || (vm == null && !session.fromExistingImage())))) {
            session.poolProperty().set(null);
            return;
        }
        String size = vmSize.get() == null ? "" : vmSize.get().name();
        Duration timeout = Duration.ofMinutes(timeoutMinutes.get());
        PoolPlan plan;
        PoolContext ctx;
        if (market) {
            ImageReference ref = marketplaceReference();
            if (ref == null) {
                violations.clear();
                session.poolProperty().set(null);
                return;
            }
            SupportedImage c = chosenImage.get();
            plan = new PoolPlan(poolId.get(), poolId.get(), size, null, nodeAgentSku.get(), dedicated.get(), lowPriority.get(),
                    timeout, ref);
            ctx = new PoolContext(account, AuthMethod.ENTRA_ID, List.copyOf(session.existingPools()),
                    List.copyOf(session.vmSizes()), supported(), null, c.osType(), c.generation(), ref,
                    Map.copyOf(session.imageSources()), null, LocalDate.now(session.clock()));
        } else {
            SupportedImage c = chosenImage.get();
            ImageReference base = c != null ? c.imageReference() : vm == null ? null : vm.imageReference();
            session.imageBaseProperty().set(base != null && base.isMarketplace() ? base : null);
            // PF-16: the security profile the image needs (TrustedLaunch definition → trustedLaunch), secure boot and vTPM as the
            // source VM had them.
            plan = new PoolPlan(poolId.get(), poolId.get(), size, image.imageId(), nodeAgentSku.get(), dedicated.get(),
                    lowPriority.get(), timeout).withSecurityProfile(io.poolforge.domain.PoolSecurityProfile.forImage(image.securityType(),
                    vm == null ? null : vm.uefiSettings()));
            ctx = new PoolContext(account, AuthMethod.ENTRA_ID, List.copyOf(session.existingPools()),
                    List.copyOf(session.vmSizes()), supported(), image.target(), image.osType(),
                    image.hyperVGeneration(), base, Map.copyOf(session.imageSources()), image.replicasIn(account.location()),
                    LocalDate.now(session.clock()));
        }
        var sp = plan.securityProfile();
        securityNote.set(sp == null ? null : new LocalizedText("wizard.pool.securityProfile", List.of(sp.securityType(),
                onOff(sp.secureBootEnabled()), onOff(sp.vTpmEnabled()))));
        List<Violation> found = PoolRules.check(plan, ctx);
        violations.setAll(found);
        session.poolProperty().set(Violation.anyBlocking(found) || Objects.requireNonNullElse(nodeAgentSku.get(), "").isBlank() ? null : plan);
    }
}
