/*
 * Modelled on Keycloak's JPA model:
 *   repository: https://github.com/keycloak/keycloak
 *   paths:      model/jpa/src/main/java/org/keycloak/models/jpa/entities/{RealmEntity,RealmAttributeEntity,
 *               ClientEntity,ClientScopeEntity,ClientScopeAttributeEntity,RoleEntity,UserEntity,UserAttributeEntity,
 *               CredentialEntity,UserRequiredActionEntity,UserRoleMappingEntity,GroupEntity,GroupAttributeEntity,
 *               UserGroupMembershipEntity,GroupRoleMappingEntity,FederatedIdentityEntity,IdentityProviderEntity,
 *               ProtocolMapperEntity,ComponentEntity,ComponentConfigEntity,AuthenticationFlowEntity,
 *               AuthenticationExecutionEntity,RequiredActionProviderEntity}.java
 *   commit:     064f72b0265e8aa5141ded28c32515cb50fc05fc (ClientEntity.java as indexed)
 *   licence:    Apache-2.0
 * The tables, columns, keys and collection tables are Keycloak's (a subset of each entity's
 * columns); the classes are written for Belay's tests (no accessors, no named queries).
 * Belay's corpus maps realm and client roles as two entities of one table (SINGLE_TABLE, as
 * Keycloak 1.x did with RealmRoleEntity and ApplicationRoleEntity) to cover single-table
 * inheritance; Keycloak 26 keeps one RoleEntity with a CLIENT_ROLE flag.
 */
package dev.belay.workbench.realapps.keycloak;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Keycloak: realms, clients and client scopes, roles and their composites, users with
 * attributes, credentials, required actions, role and group memberships, groups, identity
 * providers and federated identities, protocol mappers, components, authentication flows and
 * required actions. String ids of 36 characters; composite keys through id classes whose parts
 * are associations; maps and sets of values in collection tables.
 */
public final class Keycloak {

    private Keycloak() {
    }

    /** How an authentication execution takes part in its flow; stored by ordinal. */
    public enum Requirement {
        REQUIRED, ALTERNATIVE, DISABLED
    }

    @Entity(name = "RealmEntity")
    @Table(name = "REALM")
    public static class RealmEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @Column(name = "NAME", unique = true)
        String name;

        @Column(name = "ENABLED")
        boolean enabled;

        @Column(name = "SSL_REQUIRED")
        String sslRequired;

        @Column(name = "REGISTRATION_ALLOWED")
        boolean registrationAllowed;

        @Column(name = "ACCESS_TOKEN_LIFESPAN")
        int accessTokenLifespan;

        @Column(name = "NOT_BEFORE")
        int notBefore;

        @Column(name = "LOGIN_THEME")
        String loginTheme;

        @Column(name = "DEFAULT_ROLE")
        String defaultRoleId;

        @ElementCollection
        @Column(name = "VALUE")
        @CollectionTable(name = "REALM_SUPPORTED_LOCALES", joinColumns = @JoinColumn(name = "REALM_ID"))
        Set<String> supportedLocales = new HashSet<>();

        @ElementCollection
        @Column(name = "VALUE")
        @CollectionTable(name = "REALM_EVENTS_LISTENERS", joinColumns = @JoinColumn(name = "REALM_ID"))
        Set<String> eventsListeners = new HashSet<>();

    }

    public record RealmAttributeKey(RealmEntity realm, String name) implements Serializable {
    }

    @Entity(name = "RealmAttributeEntity")
    @Table(name = "REALM_ATTRIBUTE")
    @IdClass(RealmAttributeKey.class)
    public static class RealmAttributeEntity {

        @Id
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "REALM_ID")
        RealmEntity realm;

        @Id
        @Column(name = "NAME")
        String name;

        @Column(name = "VALUE")
        String value;

    }

    @Entity(name = "ClientEntity")
    @Table(name = "CLIENT", uniqueConstraints = @UniqueConstraint(columnNames = { "REALM_ID", "CLIENT_ID" }))
    public static class ClientEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @Column(name = "NAME")
        String name;

        @Column(name = "DESCRIPTION")
        String description;

        @Column(name = "CLIENT_ID")
        String clientId;

        @Column(name = "ENABLED")
        boolean enabled;

        @Column(name = "SECRET")
        String secret;

        @Column(name = "NOT_BEFORE")
        int notBefore;

        @Column(name = "PUBLIC_CLIENT")
        boolean publicClient;

        @Column(name = "PROTOCOL")
        String protocol;

        @Column(name = "FULL_SCOPE_ALLOWED")
        boolean fullScopeAllowed;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "REALM_ID")
        RealmEntity realm;

        @Column(name = "ROOT_URL")
        String rootUrl;

        @Column(name = "BEARER_ONLY")
        boolean bearerOnly;

        @Column(name = "NODE_REREG_TIMEOUT")
        int nodeReRegistrationTimeout;

        @ElementCollection
        @Column(name = "VALUE")
        @CollectionTable(name = "WEB_ORIGINS", joinColumns = @JoinColumn(name = "CLIENT_ID"))
        Set<String> webOrigins = new HashSet<>();

        @ElementCollection
        @Column(name = "VALUE")
        @CollectionTable(name = "REDIRECT_URIS", joinColumns = @JoinColumn(name = "CLIENT_ID"))
        Set<String> redirectUris = new HashSet<>();

        @ElementCollection
        @MapKeyColumn(name = "NAME")
        @Column(name = "VALUE", length = 2048)
        @CollectionTable(name = "CLIENT_ATTRIBUTES", joinColumns = @JoinColumn(name = "CLIENT_ID"))
        Map<String, String> attributes = new HashMap<>();

        @ElementCollection
        @MapKeyColumn(name = "NAME")
        @Column(name = "VALUE")
        @CollectionTable(name = "CLIENT_NODE_REGISTRATIONS", joinColumns = @JoinColumn(name = "CLIENT_ID"))
        Map<String, Integer> registeredNodes = new HashMap<>();

    }

    @Entity(name = "ClientScopeEntity")
    @Table(name = "CLIENT_SCOPE", uniqueConstraints = @UniqueConstraint(columnNames = { "REALM_ID", "NAME" }))
    public static class ClientScopeEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @Column(name = "NAME")
        String name;

        @Column(name = "REALM_ID")
        String realmId;

        @Column(name = "DESCRIPTION")
        String description;

        @Column(name = "PROTOCOL")
        String protocol;

    }

    public record ClientScopeAttributeKey(ClientScopeEntity clientScope, String name) implements Serializable {
    }

    @Entity(name = "ClientScopeAttributeEntity")
    @Table(name = "CLIENT_SCOPE_ATTRIBUTES")
    @IdClass(ClientScopeAttributeKey.class)
    public static class ClientScopeAttributeEntity {

        @Id
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "SCOPE_ID")
        ClientScopeEntity clientScope;

        @Id
        @Column(name = "NAME")
        String name;

        @Column(name = "VALUE", length = 2048)
        String value;

    }

    @Entity(name = "RoleEntity")
    @Table(name = "KEYCLOAK_ROLE",
            uniqueConstraints = @UniqueConstraint(columnNames = { "NAME", "CLIENT_REALM_CONSTRAINT" }))
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    public abstract static class RoleEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @Column(name = "NAME")
        String name;

        @Column(name = "DESCRIPTION")
        String description;

        @Column(name = "CLIENT_REALM_CONSTRAINT", length = 36)
        String clientRealmConstraint;

        @ManyToMany(fetch = FetchType.LAZY)
        @JoinTable(name = "COMPOSITE_ROLE", joinColumns = @JoinColumn(name = "COMPOSITE"),
                inverseJoinColumns = @JoinColumn(name = "CHILD_ROLE"))
        Set<RoleEntity> compositeRoles = new HashSet<>();

    }

    @Entity(name = "RealmRoleEntity")
    public static class RealmRoleEntity extends RoleEntity {

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "REALM")
        RealmEntity realm;

    }

    @Entity(name = "ClientRoleEntity")
    public static class ClientRoleEntity extends RoleEntity {

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "CLIENT")
        ClientEntity client;

    }

    @Entity(name = "UserEntity")
    @Table(name = "USER_ENTITY", uniqueConstraints = {
            @UniqueConstraint(columnNames = { "REALM_ID", "USERNAME" }),
            @UniqueConstraint(columnNames = { "REALM_ID", "EMAIL_CONSTRAINT" }) })
    public static class UserEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @Column(name = "USERNAME")
        String username;

        @Column(name = "FIRST_NAME")
        String firstName;

        @Column(name = "CREATED_TIMESTAMP")
        Long createdTimestamp;

        @Column(name = "LAST_NAME")
        String lastName;

        @Column(name = "EMAIL")
        String email;

        @Column(name = "ENABLED")
        boolean enabled;

        @Column(name = "EMAIL_VERIFIED")
        boolean emailVerified;

        @Column(name = "EMAIL_CONSTRAINT")
        String emailConstraint;

        @Column(name = "REALM_ID")
        String realmId;

        @Column(name = "SERVICE_ACCOUNT_CLIENT_LINK")
        String serviceAccountClientLink;

        @Column(name = "NOT_BEFORE")
        int notBefore;

    }

    @Entity(name = "UserAttributeEntity")
    @Table(name = "USER_ATTRIBUTE")
    public static class UserAttributeEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "USER_ID")
        UserEntity user;

        @Column(name = "NAME")
        String name;

        @Column(name = "VALUE")
        String value;

    }

    @Entity(name = "CredentialEntity")
    @Table(name = "CREDENTIAL")
    public static class CredentialEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @Column(name = "SALT")
        byte[] salt;

        @Column(name = "TYPE")
        String type;

        @Column(name = "USER_LABEL")
        String userLabel;

        @Column(name = "CREATED_DATE")
        Long createdDate;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "USER_ID")
        UserEntity user;

        @Column(name = "SECRET_DATA", length = 4000)
        String secretData;

        @Column(name = "CREDENTIAL_DATA", length = 4000)
        String credentialData;

        @Column(name = "PRIORITY")
        int priority;

    }

    public record UserRequiredActionKey(UserEntity user, String action) implements Serializable {
    }

    @Entity(name = "UserRequiredActionEntity")
    @Table(name = "USER_REQUIRED_ACTION")
    @IdClass(UserRequiredActionKey.class)
    public static class UserRequiredActionEntity {

        @Id
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "USER_ID")
        UserEntity user;

        @Id
        @Column(name = "REQUIRED_ACTION")
        String action;

    }

    public record UserRoleMappingKey(UserEntity user, String roleId) implements Serializable {
    }

    @Entity(name = "UserRoleMappingEntity")
    @Table(name = "USER_ROLE_MAPPING")
    @IdClass(UserRoleMappingKey.class)
    public static class UserRoleMappingEntity {

        @Id
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "USER_ID")
        UserEntity user;

        @Id
        @Column(name = "ROLE_ID", length = 36)
        String roleId;

    }

    @Entity(name = "GroupEntity")
    @Table(name = "KEYCLOAK_GROUP",
            uniqueConstraints = @UniqueConstraint(columnNames = { "REALM_ID", "PARENT_GROUP", "NAME" }))
    public static class GroupEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @Column(name = "NAME")
        String name;

        @Column(name = "PARENT_GROUP", length = 36, nullable = false)
        String parentId;

        @Column(name = "REALM_ID", length = 36)
        String realm;

        @Column(name = "TYPE")
        int type;

    }

    @Entity(name = "GroupAttributeEntity")
    @Table(name = "GROUP_ATTRIBUTE")
    public static class GroupAttributeEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "GROUP_ID")
        GroupEntity group;

        @Column(name = "NAME")
        String name;

        @Column(name = "VALUE")
        String value;

    }

    public record UserGroupMembershipKey(UserEntity user, String groupId) implements Serializable {
    }

    @Entity(name = "UserGroupMembershipEntity")
    @Table(name = "USER_GROUP_MEMBERSHIP")
    @IdClass(UserGroupMembershipKey.class)
    public static class UserGroupMembershipEntity {

        @Id
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "USER_ID")
        UserEntity user;

        @Id
        @Column(name = "GROUP_ID", length = 36)
        String groupId;

        @Column(name = "MEMBERSHIP_TYPE", nullable = false)
        String membershipType;

    }

    public record GroupRoleMappingKey(GroupEntity group, String roleId) implements Serializable {
    }

    @Entity(name = "GroupRoleMappingEntity")
    @Table(name = "GROUP_ROLE_MAPPING")
    @IdClass(GroupRoleMappingKey.class)
    public static class GroupRoleMappingEntity {

        @Id
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "GROUP_ID")
        GroupEntity group;

        @Id
        @Column(name = "ROLE_ID", length = 36)
        String roleId;

    }

    @Entity(name = "IdentityProviderEntity")
    @Table(name = "IDENTITY_PROVIDER",
            uniqueConstraints = @UniqueConstraint(columnNames = { "PROVIDER_ALIAS", "REALM_ID" }))
    public static class IdentityProviderEntity {

        @Id
        @Column(name = "INTERNAL_ID", length = 36)
        String internalId;

        @Column(name = "PROVIDER_ID")
        String providerId;

        @Column(name = "PROVIDER_ALIAS")
        String alias;

        @Column(name = "PROVIDER_DISPLAY_NAME")
        String displayName;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "REALM_ID")
        RealmEntity realm;

        @Column(name = "ENABLED")
        boolean enabled;

        @Column(name = "TRUST_EMAIL")
        boolean trustEmail;

        @Column(name = "STORE_TOKEN")
        boolean storeToken;

        @ElementCollection
        @MapKeyColumn(name = "NAME")
        @Column(name = "VALUE", columnDefinition = "TEXT")
        @CollectionTable(name = "IDENTITY_PROVIDER_CONFIG", joinColumns = @JoinColumn(name = "IDENTITY_PROVIDER_ID"))
        Map<String, String> config = new HashMap<>();

    }

    public record FederatedIdentityKey(UserEntity user, String identityProvider) implements Serializable {
    }

    @Entity(name = "FederatedIdentityEntity")
    @Table(name = "FEDERATED_IDENTITY")
    @IdClass(FederatedIdentityKey.class)
    public static class FederatedIdentityEntity {

        @Id
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "USER_ID")
        UserEntity user;

        @Column(name = "REALM_ID")
        String realmId;

        @Id
        @Column(name = "IDENTITY_PROVIDER")
        String identityProvider;

        @Column(name = "FEDERATED_USER_ID")
        String userId;

        @Column(name = "FEDERATED_USERNAME")
        String userName;

        @Column(name = "TOKEN", columnDefinition = "TEXT")
        String token;

    }

    @Entity(name = "ProtocolMapperEntity")
    @Table(name = "PROTOCOL_MAPPER")
    public static class ProtocolMapperEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @Column(name = "NAME")
        String name;

        @Column(name = "PROTOCOL")
        String protocol;

        @Column(name = "PROTOCOL_MAPPER_NAME")
        String protocolMapper;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "CLIENT_ID")
        ClientEntity client;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "CLIENT_SCOPE_ID")
        ClientScopeEntity clientScope;

        @ElementCollection
        @MapKeyColumn(name = "NAME")
        @Column(name = "VALUE")
        @CollectionTable(name = "PROTOCOL_MAPPER_CONFIG", joinColumns = @JoinColumn(name = "PROTOCOL_MAPPER_ID"))
        Map<String, String> config = new HashMap<>();

    }

    @Entity(name = "ComponentEntity")
    @Table(name = "COMPONENT")
    public static class ComponentEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @Column(name = "NAME")
        String name;

        @Column(name = "PROVIDER_TYPE")
        String providerType;

        @Column(name = "PROVIDER_ID")
        String providerId;

        @Column(name = "PARENT_ID")
        String parentId;

        @Column(name = "SUB_TYPE")
        String subType;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "REALM_ID")
        RealmEntity realm;

    }

    @Entity(name = "ComponentConfigEntity")
    @Table(name = "COMPONENT_CONFIG")
    public static class ComponentConfigEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "COMPONENT_ID")
        ComponentEntity component;

        @Column(name = "NAME")
        String name;

        @Column(name = "VALUE", length = 4000)
        String value;

    }

    @Entity(name = "AuthenticationFlowEntity")
    @Table(name = "AUTHENTICATION_FLOW")
    public static class AuthenticationFlowEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "REALM_ID")
        RealmEntity realm;

        @Column(name = "ALIAS")
        String alias;

        @Column(name = "PROVIDER_ID")
        String providerId;

        @Column(name = "DESCRIPTION")
        String description;

        @Column(name = "TOP_LEVEL")
        boolean topLevel;

        @Column(name = "BUILT_IN")
        boolean builtIn;

    }

    @Entity(name = "AuthenticationExecutionEntity")
    @Table(name = "AUTHENTICATION_EXECUTION")
    public static class AuthenticationExecutionEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "REALM_ID")
        RealmEntity realm;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "FLOW_ID")
        AuthenticationFlowEntity parentFlow;

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

    @Entity(name = "RequiredActionProviderEntity")
    @Table(name = "REQUIRED_ACTION_PROVIDER")
    public static class RequiredActionProviderEntity {

        @Id
        @Column(name = "ID", length = 36)
        String id;

        @Column(name = "ALIAS")
        String alias;

        @Column(name = "NAME")
        String name;

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "REALM_ID")
        RealmEntity realm;

        @Column(name = "PROVIDER_ID")
        String providerId;

        @Column(name = "DEFAULT_ACTION")
        boolean defaultAction;

        @Column(name = "ENABLED")
        boolean enabled;

        @Column(name = "PRIORITY")
        int priority;

        @ElementCollection
        @MapKeyColumn(name = "NAME")
        @Column(name = "VALUE", columnDefinition = "TEXT")
        @CollectionTable(name = "REQUIRED_ACTION_CONFIG", joinColumns = @JoinColumn(name = "REQUIRED_ACTION_ID"))
        Map<String, String> config = new HashMap<>();

    }

}
