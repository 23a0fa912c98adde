package io.poolforge.domain.diagnose;

/**
 * One fact looked up in Azure: its value when it was read, or why it could not be read. Neither: it was not looked up.
 * The diagnoser says "looks fine" only of a fact that was read.
 */
public record Looked<T>(T value, String failure) {
    public static <T> Looked<T> read(T value) {
        if (value == null) throw new IllegalArgumentException("value");
        return new Looked<>(value, null);
    }

    /** The look-up was made and failed (the reason is shown, masked by the caller). */
    public static <T> Looked<T> failed(String why) {
        return new Looked<>(null, why == null || why.isBlank() ? "?" : why);
    }

    public static <T> Looked<T> notLooked() {
        return new Looked<>(null, null);
    }

    public boolean isRead() { return value != null; }

    public boolean isFailed() { return value == null && failure != null; }
}
