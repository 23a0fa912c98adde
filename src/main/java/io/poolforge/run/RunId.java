package io.poolforge.run;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A run's id, "yyyyMMdd-HHmmss-xxxx" (UTC start time and four random hex digits): the name of the
 * run's folder, the token of the names it derives, and the seed of its request ids.
 */
public record RunId(String value) {
    private static final Pattern FORMAT = Pattern.compile("\\d{8}-\\d{6}-[0-9a-f]{4}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public RunId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) throw new IllegalArgumentException("Not a run id: " + value);
    }

    /** True when {@code text} has a run id's shape. */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    public static RunId create(Instant now, RandomGenerator random) {
        String time = STAMP.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        return new RunId(time + "-" + HexFormat.of().toHexDigits((short) random.nextInt(0x10000)));
    }

    /** When the run started (to the second). */
    public Instant started() {
        return LocalDateTime.parse(value.substring(0, 15), STAMP).toInstant(ZoneOffset.UTC);
    }

    /** The gallery image version a run uses when the plan names none: "yyyy.MMdd.HHmmss" as integers. */
    public String imageVersion() {
        return Integer.parseInt(value.substring(0, 4)) + "." + Integer.parseInt(value.substring(4, 8)) + "."
                + Integer.parseInt(value.substring(9, 15));
    }

    /** The client request id of a step: the same on every retry of the step in this run. */
    public String requestId(String stepId) {
        return UUID.nameUUIDFromBytes((value + "/" + stepId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public String toString() { return value; }
}
