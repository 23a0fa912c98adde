package io.poolforge.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of the caller's permissions on a resource (Microsoft.Authorization "Permissions - List For Resource",
 * api 2022-04-01): the control-plane {@code actions} and {@code notActions}, with {@code *} wildcards. Azure RBAC:
 * "The Actions permission specifies the management operations that the role allows"; "NotActions ... are subtracted
 * from the allowed Actions" (role-definitions, read 2026-12-07).
 */
public record RolePermission(List<String> actions, List<String> notActions) {
    public RolePermission {
        actions = actions == null ? List.of() : List.copyOf(actions);
        notActions = notActions == null ? List.of() : List.copyOf(notActions);
    }

    /** Whether this entry grants {@code action} (an action it lists and none of its notActions excludes). */
    public boolean allows(String action) {
        return actions.stream().anyMatch(a -> matches(a, action)) && notActions.stream().noneMatch(a -> matches(a, action));
    }

    /** Whether any entry grants {@code action}. */
    public static boolean allows(List<RolePermission> permissions, String action) {
        return permissions.stream().anyMatch(p -> p.allows(action));
    }

    static boolean matches(String pattern, String action) {
        String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
        return action.toLowerCase(Locale.ROOT).matches(regex);
    }
}
