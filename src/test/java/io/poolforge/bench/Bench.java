package io.poolforge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small helpers shared by the benchmarks (not tests: nothing here runs under {@code mvn verify}).
 * Every benchmark prints its figures as one line {@code BENCH name key=value ...} that
 * {@code bench/run.sh} collects; times are milliseconds, memory is MB.
 */
final class Bench {
    private Bench() {
    }

    /**
     * When the start-up began, epoch ms: this JVM's start, or (README path, {@link ReadmePathBenchmark}) the start of
     * the {@code java -jar} JVM that relaunched this one, given as the argument {@code origin=MS}.
     */
    static volatile long originMs = ManagementFactory.getRuntimeMXBean().getStartTime();

    /** Milliseconds since the JVM started (the launcher's start time, as the OS sees a start-up), or since {@link #originMs}. */
    static double sinceJvmStart() {
        return System.currentTimeMillis() - originMs;
    }

    /** Reads {@code origin=MS} among the arguments, if there. */
    static void originFrom(String[] args) {
        for (String a : args) if (a.startsWith("origin=")) originMs = Long.parseLong(a.substring("origin=".length()));
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** A field of /proc/self/status in MB (VmHWM = peak resident set, VmRSS = current). */
    static double procStatusMb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    String kb = line.substring(field.length() + 1).trim().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double percentile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        if (v.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    /** Ordered key=value figures printed as one {@code BENCH} line. */
    static final class Result {
        private final String name;
        private final Map<String, String> values = new LinkedHashMap<>();

        Result(String name) {
            this.name = name;
        }

        Result put(String key, double value) {
            values.put(key, String.format(Locale.ROOT, "%.2f", value));
            return this;
        }

        Result put(String key, long value) {
            values.put(key, Long.toString(value));
            return this;
        }

        Result put(String key, String value) {
            values.put(key, value.replace(' ', '_'));
            return this;
        }

        void print() {
            List<String> parts = new ArrayList<>();
            parts.add("BENCH " + name);
            values.forEach((k, v) -> parts.add(k + "=" + v));
            System.out.println(String.join(" ", parts));
            System.out.flush();
        }
    }
}
