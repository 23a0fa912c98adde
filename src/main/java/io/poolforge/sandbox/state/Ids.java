package io.poolforge.sandbox.state;

import java.util.Locale;

/** ARM resource ids and names. */
public final class Ids {
    private Ids() {
    }

    public static String sub(String sub) {
        return "/subscriptions/" + sub;
    }

    public static String rg(String sub, String rg) {
        return sub(sub) + "/resourceGroups/" + rg;
    }

    /** {@code type} like "Microsoft.Compute/virtualMachines". */
    public static String res(String sub, String rg, String type, String name) {
        return rg(sub, rg) + "/providers/" + type + "/" + name;
    }

    public static String lc(String id) {
        String s = id.toLowerCase(Locale.ROOT);
        return s.startsWith("/") ? s : "/" + s;
    }

    /** "West Europe" → "westeurope". */
    public static String location(String display) {
        return display == null ? null : display.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    public static String subOf(String id) {
        return segmentAfter(id, "subscriptions");
    }

    public static String rgOf(String id) {
        return segmentAfter(id, "resourceGroups");
    }

    public static String nameOf(String id) {
        String s = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** "Microsoft.Compute/galleries/images/versions" for a version id; null when not a provider resource. */
    public static String typeOf(String id) {
        String[] p = trim(id).split("/");
        for (int i = 0; i < p.length - 1; i++) {
            if (p[i].equalsIgnoreCase("providers")) {
                StringBuilder t = new StringBuilder(p[i + 1]);
                for (int j = i + 2; j < p.length; j += 2) t.append('/').append(p[j]);
                return t.toString();
            }
        }
        return null;
    }

    private static String segmentAfter(String id, String key) {
        String[] p = trim(id).split("/");
        for (int i = 0; i < p.length - 1; i++) if (p[i].equalsIgnoreCase(key)) return p[i + 1];
        return null;
    }

    private static String trim(String id) {
        return id.startsWith("/") ? id.substring(1) : id;
    }
}
