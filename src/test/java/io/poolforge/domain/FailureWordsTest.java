package io.poolforge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.i18n.Messages;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.MalformedInputException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * PF-22: the causes PF-9's hostile runs showed by class name ("(MalformedInputException)", "(EOFException: EOF reached
 * while reading)", "(HttpTimeoutException…)", "IllegalStateException" for a sign-in failure) are said in words, in
 * English and Spanish, through the cause chain; never a class name, never null.
 */
class FailureWordsTest {
    @Test
    void causesAreSaidInWords() {
        record Case(Throwable error, String key) { }
        List<Case> cases = List.of(
                new Case(new MalformedInputException(1), "error.reason.notUtf8"),
                new Case(new UncheckedIOException(new EOFException("EOF reached while reading")), "error.reason.endOfData"),
                new Case(new RuntimeException(new HttpTimeoutException("request timed out")), "error.reason.timeout"),
                new Case(new IllegalStateException("sign-in: no account"), "error.reason.state"),
                new Case(new IOException("disk full"), "error.reason.io"),
                new Case(new NullPointerException(), "error.reason.other"));
        for (Case c : cases) {
            LocalizedText t = FailureWords.of(c.error());
            assertThat(t.key()).as(c.error().toString()).isEqualTo(c.key());
            for (String lang : List.of("en", "es")) {
                String text = new Messages(Locale.forLanguageTag(lang)).get("azure.error.unexpected", "sign-in", t);
                assertThat(text).doesNotContain("Exception").doesNotContain("null").doesNotContain("EOF reached");
            }
        }
    }
}
