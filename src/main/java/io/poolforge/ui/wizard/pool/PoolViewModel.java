package io.poolforge.ui.wizard.pool;

import io.poolforge.domain.AuthMethod;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImagePlan;
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

    public PoolViewModel(WizardSession session) {
        this.session = session;
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
            List<SupportedImage> supported = List.copyOf(session.supportedImages());
            nodeAgentSkus.setAll(supported.stream().map(SupportedImage::nodeAgentSkuId).distinct().sorted().toList());
            NodeAgentProposal p = vm != null
                    ? NodeAgentMatcher.propose(vm.imageReference(), vm.osType(), vm.hyperVGeneration(), supported)
                    : NodeAgentMatcher.propose(null, image.osType(), image.hyperVGeneration(), supported);
            proposal.set(p.explanation());
            if (p.found()) nodeAgentSku.set(p.nodeAgentSkuId());
            if (vmSize.get() == null) {
                var generation = vm != null ? vm.hyperVGeneration() : image.hyperVGeneration();
                String current = vm != null ? vm.vmSize() : null;
                vmSize.set(session.vmSizes().stream().filter(s -> s.name().equalsIgnoreCase(current)).findFirst()
                        .orElse(session.vmSizes().stream().filter(s -> s.boots(generation)).findFirst().orElse(null)));
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

    private void update() {
        ImagePlan image = session.imageProperty().get();
        BatchAccountInfo account = session.accountWithUsage();
        VmSummary vm = session.vm();
        if (image == null || account == null || (vm == null && !session.fromExistingImage())) {
            session.poolProperty().set(null);
            return;
        }
        PoolPlan plan = new PoolPlan(poolId.get(), poolId.get(), vmSize.get() == null ? "" : vmSize.get().name(), image.imageId(),
                nodeAgentSku.get(), dedicated.get(), lowPriority.get(), Duration.ofMinutes(timeoutMinutes.get()));
        PoolContext ctx = new PoolContext(account, AuthMethod.ENTRA_ID, List.copyOf(session.existingPools()),
                List.copyOf(session.vmSizes()), List.copyOf(session.supportedImages()), image.target(), image.osType(),
                image.hyperVGeneration(), vm == null ? null : vm.imageReference(), Map.copyOf(session.imageSources()), image.replicasIn(account.location()),
                LocalDate.now(session.clock()));
        List<Violation> found = PoolRules.check(plan, ctx);
        violations.setAll(found);
        session.poolProperty().set(Violation.anyBlocking(found) || Objects.requireNonNullElse(nodeAgentSku.get(), "").isBlank() ? null : plan);
    }
}
