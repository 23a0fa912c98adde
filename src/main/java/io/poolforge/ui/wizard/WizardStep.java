package io.poolforge.ui.wizard;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/**
 * One page of the wizard: a view and its state. The step's view model owns the state; the frame
 * only asks whether the step is valid (Next is disabled while it is not) and tells it when it is
 * entered or left. State survives Back/Next because the step object is kept, not rebuilt.
 */
public interface WizardStep {
    /** Stable id: signin, vm, snapshot, image, pool, review, create. */
    String id();

    /** Bundle key of the step's name in the step list. */
    String titleKey();

    /** The step's view; built once and kept. */
    Node view();

    /** True while Next must stay disabled. */
    ObservableBooleanValue invalidProperty();

    /**
     * The bundle key of why Next is disabled, shown next to it (PF-20: a disabled action says why), or null. Steps
     * that can be blocked say it; the frame shows nothing while the step is valid.
     */
    default javafx.beans.value.ObservableValue<String> blockedKey() {
        return new javafx.beans.property.ReadOnlyStringWrapper(null);
    }

    default void onEnter() {
    }

    default void onLeave() {
    }
}
