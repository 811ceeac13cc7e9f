package dev.belay.workbench.realapps.keycloak;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * The next release of {@link Keycloak} (Belay's corpus, after the changes Keycloak itself made):
 * credentials lose their salt (it moved into the secret data) and get longer labels and a
 * version, executions may be conditional (a new ordinal), and users' consents to clients are
 * kept.
 */
public final class KeycloakEvolved {

    private KeycloakEvolved() {
    }

    public enum Requirement {
        REQUIRED, ALTERNATIVE, DISABLED, CONDITIONAL
    }

    @Entity(name = "CredentialEntity")
    @Table(name = "CREDENTIAL")
    public static class CredentialEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @Column(name = "TYPE")
        String type;

        @Column(name = "USER_LABEL", length = 512)
        String userLabel;

        @Column(name = "CREATED_DATE")
        Long createdDate;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "USER_ID")
        Keycloak.UserEntity user;

        @Column(name = "SECRET_DATA", length = 4000)
        String secretData;

        @Column(name = "CREDENTIAL_DATA", length = 4000)
        String credentialData;

        @Column(name = "PRIORITY")
        int priority;

        @Column(name = "VERSION")
        Integer version;

    }

    @Entity(name = "AuthenticationExecutionEntity")
    @Table(name = "AUTHENTICATION_EXECUTION")
    public static class AuthenticationExecutionEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "REALM_ID")
        Keycloak.RealmEntity realm;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "FLOW_ID")
        Keycloak.AuthenticationFlowEntity parentFlow;

        @Column(name = "AUTHENTICATOR")
        String authenticator;

        @Column(name = "AUTH_CONFIG")
        String authenticatorConfig;

        @Column(name = "REQUIREMENT")
        Requirement requirement;

        @Column(name = "PRIORITY")
        int priority;

        @Column(name = "AUTHENTICATOR_FLOW")
        boolean autheticatorFlow;

        @Column(name = "AUTH_FLOW_ID")
        String flowId;

    }

    @Entity(name = "UserConsentEntity")
    @Table(name = "USER_CONSENT", uniqueConstraints = @UniqueConstraint(columnNames = { "USER_ID", "CLIENT_ID" }))
    public static class UserConsentEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "USER_ID")
        Keycloak.UserEntity user;

        @Column(name = "CLIENT_ID")
        String clientId;

        @Column(name = "CREATED_DATE")
        Long createdDate;

        @Column(name = "LAST_UPDATED_DATE")
        Long lastUpdatedDate;

    }

}
