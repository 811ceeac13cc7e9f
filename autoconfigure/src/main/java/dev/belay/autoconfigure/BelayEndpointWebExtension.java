package dev.belay.autoconfigure;

import dev.belay.autoconfigure.BelayEndpoint.RefusalDescriptor;
import dev.belay.autoconfigure.BelayEndpoint.UnknownTargetException;
import dev.belay.revision.MigrationException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@code POST /actuator/belay} over HTTP, with every refusal's reason in the response. Thrown
 * out of an endpoint operation, an exception reaches the client as a bare status: Spring Boot's
 * error handling leaves the message out of the body (and {@code InvalidEndpointRequestException}
 * is not logged either), so a person calling the endpoint would not learn why. Here a refusal is
 * a response of its own, {@code {"error": "...", "fix": "..."}}, logged once at WARN:
 * <ul>
 * <li>400 Bad Request for a target that is not a revision of the application;</li>
 * <li>409 Conflict when Belay will not or could not apply (a revision failed and was rolled back,
 * an incomplete revision needs a person, the database has revisions the application lacks, the
 * wait for another instance's migration ran out): the request was fine, the database's state is
 * in the way.</li>
 * </ul>
 * The endpoint's read operations are unchanged, and over JMX the {@link BelayEndpoint} answers
 * alone, where an exception's message does reach the caller.
 */
@EndpointWebExtension(endpoint = BelayEndpoint.class)
public class BelayEndpointWebExtension {

    static final int STATUS_CONFLICT = 409;

    private static final Log logger = LogFactory.getLog(BelayEndpointWebExtension.class);

    private final BelayEndpoint endpoint;

    public BelayEndpointWebExtension(BelayEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Applies pending revisions, or says why not.
     * @param target the revision to stop at (with every revision it comes after), or {@code null} for all
     * @param tenant the one tenant to apply to, or {@code null} for every tenant (where there are tenants)
     */
    @WriteOperation
    public WebEndpointResponse<OperationResponseBody> apply(@Nullable String target, @Nullable String tenant) {
        try {
            OperationResponseBody applied = this.endpoint.applyTo(target, tenant);
            boolean passed = !(applied instanceof BelayEndpoint.TenantsAppliedDescriptor tenants) || tenants.isPassed();
            // Tenants that failed with on-failure=continue: the others went on, and the response says which failed.
            return new WebEndpointResponse<>(applied, passed ? WebEndpointResponse.STATUS_OK : STATUS_CONFLICT);
        }
        catch (UnknownTargetException ex) {
            return refused(ex, WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        catch (MigrationException ex) {
            return refused(ex, STATUS_CONFLICT);
        }
    }

    private static WebEndpointResponse<OperationResponseBody> refused(MigrationException refusal, int status) {
        logger.warn("Belay refused POST /actuator/belay (" + status + "): " + refusal.problem() + " "
                + refusal.fix());
        return new WebEndpointResponse<>(new RefusalDescriptor(refusal), status);
    }

}
