package io.poolforge.ui.wizard;

import io.poolforge.ui.I18n;
import java.util.List;

/** The wizard's steps, in the order of the Azure portal's flow. */
public final class WizardSteps {
    private WizardSteps() {
    }

    public static List<WizardStep> create(I18n i18n) {
        return List.of(
                new PlaceholderStep("signin", "wizard.step.signin", "wizard.step.signin.about", i18n),
                new PlaceholderStep("vm", "wizard.step.vm", "wizard.step.vm.about", i18n),
                new PlaceholderStep("snapshot", "wizard.step.snapshot", "wizard.step.snapshot.about", i18n),
                new PlaceholderStep("image", "wizard.step.image", "wizard.step.image.about", i18n),
                new PlaceholderStep("pool", "wizard.step.pool", "wizard.step.pool.about", i18n),
                new PlaceholderStep("review", "wizard.step.review", "wizard.step.review.about", i18n),
                new PlaceholderStep("create", "wizard.step.create", "wizard.step.create.about", i18n));
    }
}
