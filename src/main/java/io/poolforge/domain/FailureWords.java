package io.poolforge.domain;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.TimeoutException;

/**
 * A failure's cause in the user's words (PF-22), for the "({1})" of messages that used to show the exception's class
 * name ("MalformedInputException", "EOFException: EOF reached while reading"). Looks through the cause chain for the
 * first cause it has words for; anything else is "an unexpected error (the details are in the log file)". Never the
 * class name, never {@code null}.
 */
public final class FailureWords {
    private FailureWords() {
    }

    public static LocalizedText of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String key = keyOf(t);
            if (key != null) return LocalizedText.of(key);
            if (t.getCause() == t) break;
        }
        return LocalizedText.of("error.reason.other");
    }

    private static String keyOf(Throwable t) {
        if (t instanceof CharacterCodingException) return "error.reason.notUtf8";
        if (t instanceof EOFException) return "error.reason.endOfData";
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return "error.reason.timeout";
        }
        if (t instanceof UnknownHostException) return "error.reason.unknownHost";
        if (t instanceof ConnectException) return "error.reason.refused";
        if (t.getClass().getName().startsWith("javax.net.ssl.")) return "error.reason.tls"; // SSLException and its kin
        if (t instanceof AccessDeniedException) return "error.reason.accessDenied";
        if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) return "error.reason.noSuchFile";
        if (t instanceof FileSystemException) return "error.reason.fileSystem";
        if (t instanceof java.io.IOException) return "error.reason.io";
        if (t instanceof IllegalStateException && t.getCause() == null) return "error.reason.state";
        return null;
    }
}
