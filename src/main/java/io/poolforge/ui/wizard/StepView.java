package io.poolforge.ui.wizard;

import io.poolforge.ui.I18n;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/**
 * What every step view shares: its id and title key, its view model, whether Next is allowed,
 * and a view built once (so Back and Next keep what was entered) by {@link #build()}.
 *
 * @param <M> the step's view model
 */
public abstract class StepView<M> implements WizardStep {
    protected final M model;
    protected final I18n i18n;
    private final String id;
    private final String titleKey;
    private final ObservableBooleanValue invalid;
    private Node view;

    /** A step that is always valid past itself (review, create). */
    protected StepView(String id, String titleKey, M model, I18n i18n) {
        this(id, titleKey, model, i18n, new ReadOnlyBooleanWrapper(false).getReadOnlyProperty());
    }

    protected StepView(String id, String titleKey, M model, I18n i18n, ObservableBooleanValue invalid) {
        this.id = Objects.requireNonNull(id);
        this.titleKey = Objects.requireNonNull(titleKey);
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        this.invalid = Objects.requireNonNull(invalid);
    }

    @Override public final String id() { return id; }

    @Override public final String titleKey() { return titleKey; }

    @Override public final ObservableBooleanValue invalidProperty() { return invalid; }

    @Override
    public final Node view() {
        if (view == null) view = build();
        return view;
    }

    /** Builds the step's view (once, FX thread). */
    protected abstract Node build();
}
