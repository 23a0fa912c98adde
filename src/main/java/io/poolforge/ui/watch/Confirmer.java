package io.poolforge.ui.watch;

/**
 * Asks the user to confirm an action: the app passes {@code DialogService::confirm}; tests answer
 * yes or no. {@code titleKey} is a bundle key, {@code text} the localized question naming the pool
 * and the numbers.
 */
@FunctionalInterface
public interface Confirmer {
    boolean confirm(String titleKey, String text);
}
