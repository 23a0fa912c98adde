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

    /** PF-16: what the pool's securityProfile will be, in words (null: none needed). */
    private final ObjectProperty<LocalizedText> securityNote = new SimpleObjectProperty<>();
    /** PF-15: the image type and its publisher/offer/SKU, and the node agent that follows them. */
    private final PoolImageChoice choice;

    public PoolViewModel(WizardSession session) {
        this(session, null, k -> k);
    }

    /**
     * @param tasks  where the look-ups of Marketplace images' generations run (PF-16 second pass: never on the FX thread)
     * @param titles a task title for a message key (the status line shows it)
     */
    public PoolViewModel(WizardSession session, io.poolforge.task.TaskExecutor tasks, java.util.function.Function<String, String> titles) {
        this.session = session;
        this.choice = new PoolImageChoice(session, tasks, titles, nodeAgentSku, proposal, this::update);
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
    }


    // The image choice (PoolImageChoice): its properties, as the view and the tests reach them.

    public ObjectProperty<PoolImageType> imageTypeProperty() { return choice.imageTypeProperty(); }

    /** For an existing gallery image: use the definition's latest version rather than the chosen one. */
    public BooleanProperty latestVersionProperty() { return choice.latestVersionProperty(); }

    public StringProperty publisherProperty() { return choice.publisherProperty(); }

    public StringProperty offerProperty() { return choice.offerProperty(); }

    public StringProperty skuProperty() { return choice.skuProperty(); }

    public StringProperty versionProperty() { return choice.versionProperty(); }

    public ObservableList<String> publishers() { return choice.publishers(); }

    public ObservableList<String> offers() { return choice.offers(); }

    public ObservableList<String> skus() { return choice.skus(); }

    public ObservableList<String> versions() { return choice.versions(); }

    /** The supported-images entry publisher/offer/SKU name, or null. */
    public ObjectProperty<SupportedImage> chosenImageProperty() { return choice.chosenImageProperty(); }

    /** What the publisher/offer/SKU choice means for a custom image (prefilled from the VM, or to pick). */
    public ObjectProperty<LocalizedText> baseNoteProperty() { return choice.baseNoteProperty(); }

    /** True when the custom image's Marketplace base is not known (no VM, or a VM not from the Marketplace). */
    public boolean baseUnknown() { return choice.baseUnknown(); }

    /** The image the pool will reference, as shown: the gallery id (definition for "latest") or the Marketplace URN. */
    public String imageShown() { return choice.imageShown(); }

    /** The chosen image's facts as shown under the cascade (verification, OS, generation, Batch's end of support). */
    public LocalizedText imageFacts() { return choice.imageFacts(); }

    /** Changes each time a look-up of generations ends. */
    public IntegerProperty generationReadsProperty() { return choice.generationReadsProperty(); }

    /** The supported images with the generations read so far (PoolImageChoice#supported). */
    List<SupportedImage> supported() { return choice.supported(); }

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
            if (p.found()) choice.proposeSku(p.nodeAgentSkuId());
            choice.reset(vm, image);
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
        ImagePlan image = choice.effectiveImage();
        BatchAccountInfo account = session.accountWithUsage();
        VmSummary vm = session.vm();
        boolean market = choice.imageTypeProperty().get() == PoolImageType.MARKETPLACE;
        if (account == null || (!market && (image == null || (vm == null && !session.fromExistingImage())))) {
            session.poolProperty().set(null);
            return;
        }
        String size = vmSize.get() == null ? "" : vmSize.get().name();
        Duration timeout = Duration.ofMinutes(timeoutMinutes.get());
        PoolPlan plan;
        PoolContext ctx;
        if (market) {
            ImageReference ref = choice.marketplaceReference();
            if (ref == null) {
                violations.clear();
                session.poolProperty().set(null);
                return;
            }
            SupportedImage c = choice.chosenImageProperty().get();
            plan = new PoolPlan(poolId.get(), poolId.get(), size, null, nodeAgentSku.get(), dedicated.get(), lowPriority.get(),
                    timeout, ref);
            ctx = new PoolContext(account, AuthMethod.ENTRA_ID, List.copyOf(session.existingPools()),
                    List.copyOf(session.vmSizes()), supported(), null, c.osType(), c.generation(), ref,
                    Map.copyOf(session.imageSources()), null, LocalDate.now(session.clock()));
        } else {
            SupportedImage c = choice.chosenImageProperty().get();
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
