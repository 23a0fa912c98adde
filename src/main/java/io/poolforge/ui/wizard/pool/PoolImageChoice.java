package io.poolforge.ui.wizard.pool;

import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSummary;
import io.poolforge.domain.rules.NodeAgentMatcher;
import io.poolforge.domain.rules.NodeAgentProposal;
import io.poolforge.ui.wizard.WizardSession;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pool step's image (PF-15, PF-16): the image type, and the publisher → offer → SKU of the Marketplace image or of
 * a custom image's base, each list following the choice above it; the node agent SKU and its reason follow the SKU.
 * Each image type keeps its own choice. The Marketplace images' generations are read in the background
 * ({@link ImageGenerations}); when a read ends, the proposal follows it unless the user chose a node agent of their own.
 *
 * <p>Split out of {@link PoolViewModel}, which owns the node agent SKU and the proposal shown beside it (this class
 * writes them) and checks the whole pool whenever this choice changes ({@code changed}).
 */
final class PoolImageChoice {
    private final WizardSession session;
    private final StringProperty nodeAgentSku;
    private final ObjectProperty<LocalizedText> proposal;
    private final Runnable changed;
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
    private boolean cascading;
    /** Each image type keeps its own publisher/offer/SKU: a Marketplace trial does not change the custom image's base. */
    private final java.util.Map<PoolImageType, Base> cascadeByType = new java.util.EnumMap<>(PoolImageType.class);
    /** The publisher/offer/SKU {@link #prefillBase} chose (null: none), to tell it from the user's own choice. */
    private Base prefilled;

    /** A publisher/offer/SKU choice (any part may be null). */
    private record Base(String publisher, String offer, String sku) {
    }

    /** The node agent SKU this model last proposed (a look-up that arrives later does not override a user's own choice). */
    private String lastProposed;
    /** The Marketplace images' generations: what is known, the look-ups (the facts line listens to their count). */
    private final ImageGenerations generations;

    /**
     * @param tasks        where the look-ups of Marketplace images' generations run (never the FX thread); null: none
     * @param titles       a task title for a message key (the status line shows it)
     * @param nodeAgentSku the pool's node agent SKU, proposed here
     * @param proposal     why that SKU, in words
     * @param changed      called after each change of the choice (the pool is checked again)
     */
    PoolImageChoice(WizardSession session, io.poolforge.task.TaskExecutor tasks, java.util.function.Function<String, String> titles,
                    StringProperty nodeAgentSku, ObjectProperty<LocalizedText> proposal, Runnable changed) {
        this.session = session;
        this.nodeAgentSku = nodeAgentSku;
        this.proposal = proposal;
        this.changed = changed;
        this.generations = new ImageGenerations(session, tasks, titles);
        publisher.addListener((o, a, b) -> cascade());
        offer.addListener((o, a, b) -> cascade());
        sku.addListener((o, a, b) -> cascade());
        imageType.addListener((o, a, b) -> {
            if (b == PoolImageType.MANAGED) {
                imageType.set(a == null ? PoolImageType.GALLERY : a); // listed, not selectable
                return;
            }
            if (a != null && a != PoolImageType.MANAGED) cascadeByType.put(a, chosen());
            Base back = cascadeByType.get(b);
            if (back != null) {
                select(back);
                return;
            }
            followNodeAgent();
            changed.run();
        });
        latestVersion.addListener((o, a, b) -> changed.run());
    }

    /** A new VM or image: the choice starts again from its base (latest version off, no type's choice kept). */
    void reset(VmSummary vm, ImagePlan image) {
        latestVersion.set(false);
        cascadeByType.clear();
        prefillBase(vm, image);
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

    /** The image the pool will use: the session's, or its definition's latest version when asked for. */
    ImagePlan effectiveImage() {
        ImagePlan image = session.imageProperty().get();
        return image != null && session.fromExistingImage() && latestVersion.get() ? image.withVersion(ImagePlan.LATEST) : image;
    }

    /** The chosen Marketplace image at the chosen version, or null. */
    ImageReference marketplaceReference() {
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
        if (imageType.get() == PoolImageType.GALLERY && chosen().equals(prefilled)) {
            // The custom image's base was prefilled before the generations were known: prefill it again with them.
            prefillBase(session.vm(), session.imageProperty().get());
        } else {
            followNodeAgent();
        }
        if (userChose) nodeAgentSku.set(current);
        changed.run();
    }

    /** Proposes {@code skuId} as the node agent (a later look-up keeps it only while the user has not chosen another). */
    void proposeSku(String skuId) {
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
        changed.run();
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
        prefilled = pick == null ? new Base(null, null, null)
                : new Base(pick.imageReference().publisher(), pick.imageReference().offer(), pick.imageReference().sku());
        select(prefilled);
    }

    private Base chosen() {
        return new Base(publisher.get(), offer.get(), sku.get());
    }

    /** Sets all three at once (one cascade, not one per field), then lets the lists and the node agent follow. */
    private void select(Base b) {
        cascading = true;
        try {
            publisher.set(b.publisher());
            offer.set(b.offer());
            sku.set(b.sku());
        } finally {
            cascading = false;
        }
        cascade();
    }
}
