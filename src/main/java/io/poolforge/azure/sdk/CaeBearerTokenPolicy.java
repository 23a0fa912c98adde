package io.poolforge.azure.sdk;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens for the Batch data plane, asked for with continuous access evaluation (CAE) on,
 * as the ARM clients ask for theirs. azure-identity keeps CAE and non-CAE tokens in separate MSAL
 * caches: asking both ways would make an interactive sign-in open the browser twice.
 */
final class CaeBearerTokenPolicy extends BearerTokenAuthenticationPolicy {
    private final String[] scopes;

    CaeBearerTokenPolicy(TokenCredential credential, String... scopes) {
        super(credential, scopes);
        this.scopes = scopes.clone();
    }

    @Override
    public Mono<Void> authorizeRequest(HttpPipelineCallContext context) {
        return setAuthorizationHeader(context, new TokenRequestContext().addScopes(scopes).setCaeEnabled(true));
    }

    @Override
    public void authorizeRequestSync(HttpPipelineCallContext context) {
        setAuthorizationHeaderSync(context, new TokenRequestContext().addScopes(scopes).setCaeEnabled(true));
    }
}
