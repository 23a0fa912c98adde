package io.poolforge.domain.diagnose;

/**
 * One fact looked up in Azure: its value when it was read, or why it could not be read — {@code failure} is the
 * look-up's own error (a masked String or a LocalizedText), {@code whyKey} a message key saying why PoolForge could not look it up at
 * all. Neither: it was not looked up. The diagnoser says "looks fine" only of a fact that was read.
 */
public record Looked<T>(T value, Object failure, String whyKey) {
    public static <T> Looked<T> read(T value) {
        if (value == null) throw new IllegalArgumentException("value");
        return new Looked<>(value, null, null);
    }

    /** The look-up was made and failed (the reason is shown, masked). */
    public static <T> Looked<T> failed(String why) {
        return new Looked<>(null, why == null || why.isBlank() ? "?" : why, null);
    }

    /** The look-up was made and failed with a localized error (a PoolForgeException's key and arguments). */
    public static <T> Looked<T> failed(io.poolforge.domain.LocalizedText why) {
        return new Looked<>(null, why, null);
    }

    /** PoolForge cannot look it up; {@code whyKey} (a "diagnose.reason." key) says why. */
    public static <T> Looked<T> unavailable(String whyKey) {
        return new Looked<>(null, null, whyKey);
    }

    public static <T> Looked<T> notLooked() {
        return new Looked<>(null, null, null);
    }

    public boolean isRead() { return value != null; }

    public boolean isFailed() { return value == null && failure != null; }
}
