import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A stand-in for the system browser (run as a single-file program by ./xdg-open): GETs the sandbox's authorize URL,
 * trusting exactly the sandbox certificate, reads the auto-submitting form (response_mode=form_post) and POSTs its
 * fields (code, state) to the form's action, the localhost redirect MSAL listens on. The certificate is
 * $POOLFORGE_SANDBOX_CERT, or sandbox-PORT.pem in $POOLFORGE_SANDBOX_CERT_DIR (default: the sandbox's per-user folder,
 * java.io.tmpdir/poolforge-sandbox-USER, as Sandbox.defaultCertificateDirectory names it), where the sandbox writes it.
 */
public class FakeBrowser {
    public static void main(String[] args) throws Exception {
        URI authorize = URI.create(args[0]);
        if (!"https".equals(authorize.getScheme()) || !"127.0.0.1".equals(authorize.getHost())) {
            throw new IllegalArgumentException("The fake browser only opens the sandbox: " + authorize.getScheme() + "://" + authorize.getHost());
        }
        Path pem = System.getenv("POOLFORGE_SANDBOX_CERT") != null ? Path.of(System.getenv("POOLFORGE_SANDBOX_CERT"))
                : Path.of(System.getenv().getOrDefault("POOLFORGE_SANDBOX_CERT_DIR", defaultCertificateDirectory()), "sandbox-" + authorize.getPort() + ".pem");
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(pem)).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("GET authorize -> " + page.statusCode());
        Matcher form = Pattern.compile("<form[^>]*method=\"POST\"[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE).matcher(page.body());
        if (!form.find()) throw new IllegalStateException("No form in the sign-in page (status " + page.statusCode() + ")");
        URI action = URI.create(unescape(form.group(1)));
        if (!"http".equals(action.getScheme()) || !("localhost".equals(action.getHost()) || "127.0.0.1".equals(action.getHost()))) {
            throw new IllegalStateException("The form does not post to a localhost redirect: " + action);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(page.body());
        while (input.find()) fields.put(unescape(input.group(1)), unescape(input.group(2)));
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> done = HttpClient.newHttpClient().send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("POST " + fields.keySet() + " to the redirect -> " + done.statusCode());
    }

    /** The same folder as io.poolforge.sandbox.Sandbox.defaultCertificateDirectory (per user since PF-9). */
    static String defaultCertificateDirectory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "poolforge-sandbox-" + user).toString();
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            ks.setCertificateEntry("sandbox", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
