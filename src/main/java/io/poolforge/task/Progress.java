package io.poolforge.task;

/** Work done out of total; total &lt; 0 means indeterminate. */
public record Progress(long workDone, long total) {
    public static final Progress INDETERMINATE = new Progress(-1, -1);

    public Progress {
        if (total >= 0 && (workDone < 0 || workDone > total)) {
            throw new IllegalArgumentException("workDone " + workDone + " outside 0.." + total);
        }
    }

    public boolean isIndeterminate() { return total < 0; }

    /** 0..1, or -1 when indeterminate (JavaFX's convention). */
    public double fraction() {
        if (isIndeterminate()) return -1;
        return total == 0 ? 1.0 : (double) workDone / total;
    }
}
