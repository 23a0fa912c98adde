package io.poolforge.azure;

import io.poolforge.domain.Regions;
import io.poolforge.domain.VmSummary;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A search over VMs by name, resource group or region: every word of the text must appear in
 * one of them (case-insensitive). Pure and cheap, so the VM table can filter as the user types.
 */
public record VmQuery(String text) {
    private static final String[] NONE = new String[0];
    /** Compiled once: {@code String.split("\\s+")} compiles its pattern at every call, i.e. per VM per keystroke. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public boolean matches(VmSummary vm) {
        String[] words = words();
        if (words.length == 0) return true;
        String name = lower(vm.name());
        String group = lower(vm.resourceGroup());
        String region = lower(Regions.normalize(vm.location()));
        for (String w : words) {
            if (!name.contains(w) && !group.contains(w) && !region.contains(w)) return false;
        }
        return true;
    }

    private String[] words() {
        if (text == null || text.isBlank()) return NONE;
        return SPACES.split(text.trim().toLowerCase(Locale.ROOT));
    }

    private static String lower(String s) { return s == null ? "" : s.toLowerCase(Locale.ROOT); }
}
