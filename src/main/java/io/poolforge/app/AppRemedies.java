package io.poolforge.app;

import io.poolforge.azure.Connection;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.rules.ImageRules;
import io.poolforge.run.GalleryMigration;
import io.poolforge.run.ImageRebuilder;
import io.poolforge.run.PlanRunner;
import io.poolforge.run.StepRecord;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.TaskContext;
import io.poolforge.task.TaskExecutor;
import io.poolforge.ui.DialogService;
import io.poolforge.ui.I18n;
import io.poolforge.ui.watch.PoolRemedies;
import io.poolforge.ui.wizard.create.CreateViewModel;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;

/**
 * The remedies that need more than a resize, as the desktop app carries them out (the watch and
 * the inspector have asked the user first). Azure work runs in background tasks; where the wizard
 * is needed, the {@link Navigator} opens it. See docs/DECISIONS.md.
 */
final class AppRemedies implements PoolRemedies {

    /** How a remedy reaches the wizard. */
    interface Navigator {
        /** The wizard's VM step (build a new image from a VM). */
        void openWizard();

        /** The wizard's pool step, starting from {@code version}, pre-filled like the request's pool. */
        void openReplacementPool(Request request, GalleryImageVersionInfo version);
    }

    private final TaskExecutor tasks;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Clock clock;
    private final Function<Connection, CreateViewModel.JournalStoreAndRunner> runners;
    private final Navigator navigator;

    AppRemedies(TaskExecutor tasks, I18n i18n, DialogService dialogs, Clock clock,
                Function<Connection, CreateViewModel.JournalStoreAndRunner> runners, Navigator navigator) {
        this.tasks = tasks;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.clock = clock;
        this.runners = runners;
        this.navigator = navigator;
    }

    /**
     * "Restore the image": a pool PoolForge made has its plan run again (the missing image comes back at the same id), then
     * it is resized; a pool PoolForge did not make has no plan, and the wizard opens (its question says both).
     */
    @Override
    public void restoreImage(Request request) {
        Connection c = request.connection();
        CreateViewModel.JournalStoreAndRunner r = runners.apply(c);
        ImageRebuilder rebuilder = new ImageRebuilder(r.runner(), r.store(), c.batch(), clock);
        tasks.execute(BackgroundTask.of(() -> i18n.get("run.rebuild.task", request.pool().id()), ctx ->
                rebuilder.planOf(request.account().name(), request.pool().id())
                        .map(plan -> rebuilder.rebuild(plan, request.pool(), progress(ctx), ctx::isCancelled)))
                .onSuccess(done -> {
                    if (done.isEmpty()) navigator.openWizard();
                })
                .onFailure(e -> dialogs.showError("run.rebuild.failed", e)));
    }

    /**
     * "Rebuild the image in a gallery": the wizard's VM step, where a new image is built from the VM (the image step's
     * default target is an Azure Compute Gallery image version); a pool cannot change its image, so the pool step then
     * makes a new pool.
     */
    @Override
    public void rebuildInGallery(Request request) {
        navigator.openWizard();
    }

    /** Publishes the pool's managed image to a gallery, then opens the pool step for a replacement pool. */
    @Override
    public void migrateToGallery(Request request) {
        Connection c = request.connection();
        String imageId = request.pool().customImageId();
        tasks.execute(BackgroundTask.of(() -> i18n.get("run.migrate.task", request.pool().id()), ctx -> {
            var image = c.compute().findManagedImage(imageId).orElseThrow(() -> new PoolForgeException("azure.error.notFound", imageId));
            return new GalleryMigration(c.compute()).migrate(image, request.account().location(),
                    ImageRules.replicasNeeded(request.pool().targetNodes()), monitor(ctx));
        }).onSuccess(version -> navigator.openReplacementPool(request, version))
          .onFailure(e -> dialogs.showError("run.migrate.failed", e)));
    }

    /** Opens the pool step for a replacement pool on the pool's gallery image, when it still exists. */
    @Override
    public void recreatePoolFromGallery(Request request) {
        Connection c = request.connection();
        String imageId = request.pool().customImageId();
        if (imageId == null || !imageId.toLowerCase(Locale.ROOT).contains("/galleries/")) {
            navigator.openWizard();
            return;
        }
        tasks.execute(BackgroundTask.of(() -> i18n.get("run.recreate.task", request.pool().id()), ctx -> c.compute().findImageVersion(imageId))
                .onSuccess(found -> {
                    if (found.isPresent()) navigator.openReplacementPool(request, found.get());
                    else navigator.openWizard();
                })
                .onFailure(e -> dialogs.showError("run.recreate.failed", e)));
    }

    private static PlanRunner.Listener progress(TaskContext ctx) {
        return new PlanRunner.Listener() {
            @Override public void stepStarted(StepRecord step, int index, int total) {
                ctx.updateMessage(step.name());
                ctx.updateProgress(index, total);
            }
            @Override public void stepProgress(StepRecord step, String status, int percent) { }
            @Override public void stepFinished(StepRecord step, int index, int total) {
                ctx.updateProgress(index + 1, total);
            }
        };
    }

    private static OperationMonitor monitor(TaskContext ctx) {
        return new OperationMonitor() {
            @Override public void progress(String status, int percent) { ctx.updateMessage(status); }
            @Override public boolean cancelRequested() { return ctx.isCancelled(); }
        };
    }
}
