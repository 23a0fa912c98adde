package io.poolforge.ui.inspect;

import io.poolforge.azure.NodeCounts;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.ui.watch.ImageHealth;
import io.poolforge.ui.watch.NodeStates;
import java.util.List;

/**
 * One opened pool: its properties grouped the way the portal groups them, its node counts, its
 * image and everything associated with it, the diagnoses of its resize errors, and the other pools
 * sharing its image with the custom-image node limits counted across them.
 */
public record PoolDetails(PoolInfo pool, NodeCounts counts, ImageHealth image, List<PropertyGroup> groups,
                          List<NodeStates.StateCount> states, List<Diagnosis> diagnoses, List<PoolInfo> sharing,
                          int sharedDedicated, int sharedLowPriority) {
    public PoolDetails {
        groups = List.copyOf(groups);
        states = List.copyOf(states);
        diagnoses = List.copyOf(diagnoses);
        sharing = List.copyOf(sharing);
    }

    /** A titled group of properties. */
    public record PropertyGroup(String titleKey, List<Property> properties) {
        public PropertyGroup {
            properties = List.copyOf(properties);
        }
    }

    /** A property: its label key and its value as a localizable text. */
    public record Property(String labelKey, LocalizedText value) {
    }

    public boolean retiredSource() { return image != null && image.managed(); }
}
