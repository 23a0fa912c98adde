package io.poolforge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretMaskerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "header           | Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl | eyJhbGci",
        "bearer in text   | calling with bearer abc.def-ghi_123 now | abc.def-ghi_123",
        "bare jwt         | token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl | eyJzdWIi",
        "account key      | DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0a2V5MTIz;x=y | c2VjcmV0a2V5MTIz",
        "json key         | {\"primary\":\"x\",\"primaryKey\":\"c2VjcmV0a2V5\"} | c2VjcmV0a2V5",
        "sas signature    | https://acct.blob.core.windows.net/c/b?sv=2020&sig=AbC%2Bdef%3D&se=1 | AbC%2Bdef%3D",
        "form secret      | grant_type=client_credentials&client_secret=hunter2&scope=x | hunter2",
        "refresh token    | {\"refresh_token\":\"r3fr3sh\",\"expires_in\":3600} | r3fr3sh",
        "auth code        | https://localhost:8400/?code=0.AAAA-code&state=s | 0.AAAA-code",
        "shared key auth  | Authorization: SharedKey account:c2lnbmF0dXJl | c2lnbmF0dXJl",
    })
    void masksSecrets(String name, String text, String secret) {
        String masked = SecretMasker.mask(text);
        assertThat(masked).doesNotContain(secret).contains(SecretMasker.MASK);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Creating snapshot vm-build-01-os-20261126 in rg-batch",
        "GET https://management.azure.com/subscriptions/0000/providers/Microsoft.Compute/virtualMachines?api-version=2025-04-01",
    })
    void leavesOrdinaryTextAlone(String text) {
        assertThat(SecretMasker.mask(text)).isEqualTo(text);
    }
}
