package io.poolforge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PF-20: sizes read in one case ("standard_d2s_v3" from the data plane) show as the account's size list names them. */
class VmSizeNamesTest {
    private static final VmSizeNames NAMES = VmSizeNames.of(List.of(
            new VmSkuInfo("Standard_D2s_v3", "standardDSv3Family", 2, 8, Set.of(HyperVGeneration.V1, HyperVGeneration.V2), true, null),
            new VmSkuInfo("Standard_F2s_v2", "standardFSv2Family", 2, 4, Set.of(HyperVGeneration.V2), true, null)));

    @ParameterizedTest
    @CsvSource({
            // as read (data plane's lowercase, management plane's uppercase, already canonical) -> as shown
            "standard_d2s_v3, Standard_D2s_v3",
            "STANDARD_D2S_V3, Standard_D2s_v3",
            "Standard_D2s_v3, Standard_D2s_v3",
            "standard_f2s_v2, Standard_F2s_v2",
            // a size the list does not hold stays as Azure sent it: nothing invented
            "standard_nc6, standard_nc6",
    })
    void namesEachSizeAsTheSizeListDoes(String read, String shown) {
        assertThat(NAMES.canonical(read)).isEqualTo(shown);
        PoolInfo pool = new PoolInfo("p", read, null, null, 1, 0, 1, 0, AllocationState.STEADY, null, null, null, List.of(), false);
        assertThat(NAMES.canonical(pool).vmSize()).isEqualTo(shown);
        assertThat(VmSizeNames.same(read, shown)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"standard_d2s_v3, true", "STANDARD_D4S_V3, true", "Standard_D2s_v3, false"})
    void onlyNamesInOneCaseNeedTheList(String name, boolean oneCase) {
        assertThat(VmSizeNames.oneCase(name)).isEqualTo(oneCase);
    }

    @org.junit.jupiter.api.Test
    void withoutTheListNamesStayAsRead() {
        assertThat(VmSizeNames.none().canonical("standard_d2s_v3")).isEqualTo("standard_d2s_v3");
        assertThat(VmSizeNames.none().canonical((String) null)).isNull();
        assertThat(VmSizeNames.same("Standard_D2s_v3", null)).isFalse();
    }
}
