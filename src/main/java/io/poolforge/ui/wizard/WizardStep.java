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

    default void onEnter() {
    }

    default void onLeave() {
    }
}
