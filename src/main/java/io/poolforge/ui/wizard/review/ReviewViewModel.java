package io.poolforge.ui.wizard.review;

import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.DataDiskSnapshot;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.LocalizedText;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ObjectProperty;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.SnapshotPlan;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.export.ExportFormat;
import io.poolforge.export.Exporters;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanAssembler;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanNames;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.TaskExecutor;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.WizardSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 6: everything that will be created, in order, with names; the cores it uses against the
 * quota; export (az, PowerShell, ARM, pool JSON) and save the plan — files written off the FX thread.
 */
public final class ReviewViewModel {
    private final WizardSession session;
    private final TaskExecutor tasks;
    private final I18n i18n;
    private final Function<Throwable, LocalizedText> describe;
    /** Jackson, built on first use in a background task, not when the wizard is (PF-13: ~100 ms on the FX thread). */
    private final java.util.function.Supplier<PlanCodec> codec;
    private final String version;
    private final ObservableList<LocalizedText> items = FXCollections.observableArrayList();
    private final ObservableList<LocalizedText> cores = FXCollections.observableArrayList();
    private final ObjectProperty<LocalizedText> status = new SimpleObjectProperty<>();

    public ReviewViewModel(WizardSession session, TaskExecutor tasks, I18n i18n, Function<Throwable, LocalizedText> describe,
                           java.util.function.Supplier<PlanCodec> codec, String version) {
        this.session = session;
        this.tasks = tasks;
        this.i18n = i18n;
        this.describe = describe;
        this.codec = codec;
        this.version = version;
    }

    public ObservableList<LocalizedText> items() { return items; }

    public ObservableList<LocalizedText> cores() { return cores; }

    public ObjectProperty<LocalizedText> statusProperty() { return status; }

    /** The plan of what the wizard decided (names as chosen). */
    public Plan plan() {
        return PlanAssembler.assemble(session.poolProperty().get().poolId(), session.vmForPlan(), session.snapshotsProperty().get(),
                session.imageProperty().get(), session.poolProperty().get(), session.account(), session.imageBaseProperty().get());
    }

    public void enter() {
        SnapshotPlan s = session.snapshotsProperty().get();
        ImagePlan i = session.imageProperty().get();
        PoolPlan p = session.poolProperty().get();
        BatchAccountInfo a = session.accountWithUsage();
        if ((s == null && !session.fromExistingImage()) || i == null || p == null || a == null) return;
        List<LocalizedText> out = new ArrayList<>();
        int n = 1;
        // PF-15: the image type first; a Marketplace pool builds nothing (what earlier steps chose is not used). PF-20: the
        // type is a heading like the gallery's, not a numbered item: a numbered "Pool on the Marketplace image" above the
        // numbered pool read as two pools.
        if (p.marketplace()) {
            out.add(LocalizedText.of("wizard.review.item.marketplace", p.marketplaceImage().display(), p.nodeAgentSkuId()));
            out.add(LocalizedText.of("wizard.review.item.marketplaceNothingBuilt"));
        } else {
            var base = session.imageBaseProperty().get();
            out.add(LocalizedText.of(session.fromExistingImage() ? i.latest() || isLatest(i, p) ? "wizard.review.item.typeGalleryLatest"
                    : "wizard.review.item.typeGalleryExisting" : "wizard.review.item.typeGalleryBuilt",
                    base == null ? "\u2014" : base.display(), p.nodeAgentSkuId()));
        }
        if (p.marketplace()) {
            // nothing to build
        } else if (session.fromExistingImage()) {
            out.add(LocalizedText.of("wizard.review.item.existing", n++, p.imageId()));
        } else {
            out.add(LocalizedText.of("wizard.review.item.snapshot", n++, s.osSnapshotName(), session.vm().osDisk().name(), s.resourceGroup()));
            for (DataDiskSnapshot d : s.dataDisks()) out.add(LocalizedText.of("wizard.review.item.dataSnapshot", n++, d.snapshotName(), d.lun()));
        }
        if (session.fromExistingImage() || p.marketplace()) {
            // nothing to build
        } else if (i.target() == ImageTarget.GALLERY) {
            out.add(LocalizedText.of("wizard.review.item.gallery", n++, i.galleryName(), i.resourceGroup()));
            out.add(LocalizedText.of("wizard.review.item.definition", n++, i.imageDefinitionName(),
                    i.osType() == null ? "" : i.osType() == io.poolforge.domain.OsType.WINDOWS ? "Windows" : "Linux",
                    i.hyperVGeneration() == null ? "" : i.hyperVGeneration().name()));
            String regions = String.join(", ", i.targetRegions().stream().map(r -> r.region() + " \u00d7" + r.replicaCount()).toList());
            out.add(LocalizedText.of("wizard.review.item.version", n++, i.version(), regions));
        } else {
            out.add(LocalizedText.of("wizard.review.item.managed", n++, i.managedImageName(), i.resourceGroup()));
        }
        out.add(LocalizedText.of("wizard.review.item.pool", n, p.poolId(), a.name(), p.vmSize(), p.targetDedicatedNodes(),
                p.targetLowPriorityNodes(), p.resizeTimeout().toMinutes()));
        // PF-20 (second pass): an empty pool is one Azure accepts (BatchManagement.json 2025-06-01, ScaleSettings: "If this
        // property is not specified, the pool will have a fixed scale with 0 targetDedicatedNodes.", read 2026-12-07); the
        // review says what that means: no nodes until resized, and no first-node check.
        if (p.targetDedicatedNodes() + p.targetLowPriorityNodes() == 0) out.add(LocalizedText.of("wizard.review.item.noNodes"));
        items.setAll(out);

        VmSkuInfo size = session.vmSizes().stream().filter(z -> z.name().equalsIgnoreCase(p.vmSize())).findFirst().orElse(null);
        int vcpus = size == null ? 0 : size.vCpus();
        List<LocalizedText> c = new ArrayList<>();
        c.add(LocalizedText.of("wizard.review.cores.dedicated", p.targetDedicatedNodes() * vcpus,
                a.usage().dedicatedCores(), a.dedicatedCoreQuota()));
        c.add(LocalizedText.of("wizard.review.cores.lowPriority", p.targetLowPriorityNodes() * vcpus,
                a.usage().lowPriorityCores(), a.lowPriorityCoreQuota()));
        if (size != null && a.familyCoreQuota(size.family()) != null) {
            c.add(LocalizedText.of("wizard.review.cores.family", size.family(), p.targetDedicatedNodes() * vcpus,
                    a.usage().familyCores(size.family()), a.familyCoreQuota(size.family())));
        }
        cores.setAll(c);
    }

    private static boolean isLatest(ImagePlan i, PoolPlan p) {
        return p.imageId() != null && p.imageId().equalsIgnoreCase(i.withVersion(ImagePlan.LATEST).imageId());
    }

    /** Writes the plan as JSON to {@code file} (background). */
    public void savePlan(Path file) {
        Plan plan = plan();
        tasks.execute(BackgroundTask.of(i18n.get("wizard.review.task.save", file.getFileName()), ctx -> {
            Files.writeString(file, codec.get().write(plan), StandardCharsets.UTF_8);
            return file;
        }).onSuccess(f -> status.set(LocalizedText.of("wizard.review.saved", f)))
          .onFailure(e -> status.set(describe.apply(e))));
    }

    /** Writes the plan in an export format to {@code file} (background). */
    public void export(ExportFormat format, Path file) {
        Plan plan = plan();
        Exporters exporters = new Exporters(i18n.messages(), version);
        boolean sandbox = session.connection() != null && session.connection().endpoints().isSandbox();
        String notice = i18n.get("export.sandboxNotice");
        tasks.execute(BackgroundTask.of(i18n.get("wizard.review.task.export", file.getFileName()), ctx -> {
            String text = exporters.of(format).export(PlanNames.resolveForExport(plan, codec.get()));
            if (sandbox) text = withSandboxNotice(format, text, notice);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }).onSuccess(f -> status.set(LocalizedText.of("wizard.review.exported", f)))
          .onFailure(e -> status.set(describe.apply(e))));
    }

    /**
     * A script written from a sandbox session says so in a comment after its first line (the shebang or
     * {@code #Requires} stays first), so it is never mistaken for one made against real Azure (PF-14). The JSON
     * formats take no comment and stay as they are: their ids are the sandbox's subscription and accounts.
     */
    static String withSandboxNotice(ExportFormat format, String text, String notice) {
        if (format != ExportFormat.AZ && format != ExportFormat.PWSH) return text;
        int eol = text.indexOf('\n');
        return eol < 0 ? "# " + notice + "\n" + text : text.substring(0, eol + 1) + "# " + notice + "\n" + text.substring(eol + 1);
    }
}
