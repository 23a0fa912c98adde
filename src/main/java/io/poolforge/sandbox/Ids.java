package io.poolforge.sandbox;

import java.util.Locale;

/** ARM resource ids and names. */
final class Ids {
    private Ids() {
    }

    static String sub(String sub) {
        return "/subscriptions/" + sub;
    }

    static String rg(String sub, String rg) {
        return sub(sub) + "/resourceGroups/" + rg;
    }

    /** {@code type} like "Microsoft.Compute/virtualMachines". */
    static String res(String sub, String rg, String type, String name) {
        return rg(sub, rg) + "/providers/" + type + "/" + name;
    }

    static String lc(String id) {
        String s = id.toLowerCase(Locale.ROOT);
        return s.startsWith("/") ? s : "/" + s;
    }

    /** "West Europe" → "westeurope". */
    static String location(String display) {
        return display == null ? null : display.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    static String subOf(String id) {
        return segmentAfter(id, "subscriptions");
    }

    static String rgOf(String id) {
        return segmentAfter(id, "resourceGroups");
    }

    static String nameOf(String id) {
        String s = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** "Microsoft.Compute/galleries/images/versions" for a version id; null when not a provider resource. */
    static String typeOf(String id) {
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
