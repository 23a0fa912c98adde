package io.poolforge.ui.wizard.pool;

import io.poolforge.azure.MarketplaceImages;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSummary;
import io.poolforge.domain.rules.NodeAgentMatcher;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.TaskExecutor;
import io.poolforge.ui.wizard.WizardSession;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The Hyper-V generation of Batch's supported Marketplace images as Azure reports it (PF-16 second pass), for the pool
 * step: the supported images with what is known of it, what the step shows for one, and the look-ups in the background
 * (never on the FX thread), each image once a session. Split out of {@link PoolViewModel}, which decides what follows
 * from an answer (the proposal, the checks).
 */
final class ImageGenerations {
    private final WizardSession session;
    private final TaskExecutor tasks;
    private final Function<String, String> titles;
    private final IntegerProperty reads = new SimpleIntegerProperty();

    /** @param tasks where the look-ups run; null: none (then a generation not known is "unknown", never "not read yet") */
    ImageGenerations(WizardSession session, TaskExecutor tasks, Function<String, String> titles) {
        this.session = session;
        this.tasks = tasks;
        this.titles = titles;
    }

    /** Batch's supported images for the account, each with the generation Azure reported for it, where it did. */
    List<SupportedImage> supported() {
        List<SupportedImage> all = List.copyOf(session.supportedImages());
        MarketplaceImages images = session.marketplaceImages();
        BatchAccountInfo a = session.account();
        if (images == null || a == null) return all;
        return all.stream().map(s -> {
            MarketplaceImages.Read r = images.known(a.location(), s.imageReference());
            return r == null ? s : s.withGeneration(r.generation());
        }).toList();
    }

    /** V1/V2 as Azure reported it; otherwise why it is not known. */
    Object shown(SupportedImage c) {
        if (c.generation() != null) return c.generation().name();
        MarketplaceImages images = session.marketplaceImages();
        BatchAccountInfo a = session.account();
        MarketplaceImages.Read r = images == null || a == null ? null : images.known(a.location(), c.imageReference());
        return LocalizedText.of(r == null && tasks != null ? "wizard.pool.generation.notRead" : "wizard.pool.generation.unknown");
    }

    /** Changes each time a look-up ends (for the same account). */
    IntegerProperty readsProperty() {
        return reads;
    }

    /**
     * Asks Azure, in the background, the generation of the images that matter here: {@code chosen} and the candidates the
     * node agent proposal compares ({@link NodeAgentMatcher#generationCandidates}), those not asked yet. When the answers
     * (or a failure) arrive for the account still signed in, {@link #readsProperty()} changes and {@code whenRead} runs
     * (FX thread).
     */
    void lookUp(SupportedImage chosen, Runnable whenRead) {
        MarketplaceImages images = session.marketplaceImages();
        BatchAccountInfo a = session.account();
        if (tasks == null || images == null || a == null) return;
        List<SupportedImage> all = List.copyOf(session.supportedImages());
        VmSummary vm = session.vm();
        ImagePlan image = session.imageProperty().get();
        ImageReference base = vm == null ? null : vm.imageReference();
        var os = vm != null ? vm.osType() : image == null ? null : image.osType();
        List<SupportedImage> candidates = NodeAgentMatcher.generationCandidates(base, os, all);
        List<SupportedImage> which = all.stream()
                .filter(s -> candidates.contains(s) || (chosen != null && s.imageReference().sameSku(chosen.imageReference())))
                .filter(s -> images.known(a.location(), s.imageReference()) == null).toList();
        if (which.isEmpty()) return;
        String sub = a.subscriptionId();
        String location = a.location();
        Runnable read = () -> {
            if (session.account() != a) return;
            reads.set(reads.get() + 1);
            whenRead.run();
        };
        tasks.execute(BackgroundTask.of(titles.apply("wizard.pool.generation.task"), ctx -> {
            images.withGenerations(sub, location, all, which);
            return Boolean.TRUE;
        }).onSuccess(x -> read.run()).onFailure(e -> read.run()));
    }
}
