/**
 * Keycloak's admin API for the accounts service, through `@keycloak/keycloak-admin-client`,
 * signed in as the confidential client `par-accounts` (client credentials). Keycloak holds the
 * users; this module only reads and writes them and turns Keycloak's failures into domain errors.
 */
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client' with {
  'resolution-mode': 'import',
};
import { accountRoles, realmRoles, type AccountProtection, type AccountRole } from '@par/contracts';
import { PortalError, fieldError } from '@par/service-kit';

/** A Keycloak user with the portal roles it holds. */
export interface DirectoryUser {
  id: string;
  username: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  enabled: boolean;
  unit: string | null;
  roles: AccountRole[];
  requiredActions: string[];
  createdTimestamp: number | null;
  /** Why the portal may not change this account (Keycloak's own admins, service accounts). */
  protection: AccountProtection | null;
}

export interface NewDirectoryUser {
  username: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  unit: string;
  temporaryPassword: string;
}

export interface KeycloakSettings {
  url: string;
  realm: string;
  clientId: string;
  clientSecret: string;
  /** The portal's client, which holds the `unit-approver` role. */
  portalClientId: string;
}

/**
 * Reads the settings that deploy/local/apps/apps.ts (and the production manifests) pass;
 * `PAR_KEYCLOAK_ADMIN_URL` optionally overrides `PAR_KEYCLOAK_URL` for the admin API only.
 */
export function keycloakSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): KeycloakSettings {
  return {
    // Inside a container stack Keycloak may answer on another address than the browsers' one.
    url: env.PAR_KEYCLOAK_ADMIN_URL ?? env.PAR_KEYCLOAK_URL ?? '',
    realm: env.PAR_KEYCLOAK_REALM ?? 'par-portal',
    clientId: env.PAR_ACCOUNTS_CLIENT_ID ?? 'par-accounts',
    clientSecret: env.PAR_ACCOUNTS_CLIENT_SECRET ?? '',
    portalClientId: env.PAR_PORTAL_CLIENT_ID ?? 'par-portal',
  };
}

// Access tokens of the service account live 5 minutes; sign in again well before.
const reauthenticateAfterMs = 60_000;
const maxUsers = 10_000;

/** The client whose roles administer the realm itself (users, clients, keys). */
const realmManagementClientId = 'realm-management';

const isRealmRole = (role: string): role is (typeof realmRoles)[number] =>
  (realmRoles as readonly string[]).includes(role);

export class KeycloakDirectory {
  private client: KeycloakAdminClient | null = null;
  private authenticatedAt = 0;
  private signingIn: Promise<KeycloakAdminClient> | null = null;
  private portalClientUuid: string | null = null;
  private realmManagementUuid: string | null = null;

  constructor(private readonly settings: KeycloakSettings) {}

  async findUsers(filter: {
    role?: AccountRole;
    unit?: string;
    enabled?: boolean;
    q?: string;
  }): Promise<DirectoryUser[]> {
    return this.call(async (kc) => {
      let found;
      if (filter.role && isRealmRole(filter.role)) {
        found = await kc.roles.findUsersWithRole({
          name: filter.role,
          first: 0,
          max: maxUsers,
          briefRepresentation: false,
        });
      } else if (filter.role) {
        found = await kc.clients.findUsersWithRole({
          id: await this.portalClient(kc),
          roleName: filter.role,
          first: 0,
          max: maxUsers,
          briefRepresentation: false,
        });
      } else {
        found = await kc.users.find({
          ...(filter.unit ? { q: `unit:${filter.unit}` } : {}),
          ...(filter.enabled !== undefined ? { enabled: filter.enabled } : {}),
          ...(filter.q ? { search: filter.q } : {}),
          first: 0,
          max: maxUsers,
          briefRepresentation: false,
        });
      }
      const q = filter.q?.toLowerCase();
      const users = (found ?? []).filter(
        (u) =>
          u.id &&
          !u.username?.startsWith('service-account-') &&
          (filter.unit === undefined || unitOf(u.attributes) === filter.unit) &&
          (filter.enabled === undefined || u.enabled === filter.enabled) &&
          (!q ||
            [u.username, u.firstName, u.lastName, u.email].some((v) =>
              v?.toLowerCase().includes(q),
            )),
      );
      return Promise.all(users.map((u) => this.toDirectoryUser(kc, u)));
    });
  }

  async findByUsername(username: string): Promise<DirectoryUser | null> {
    return this.call(async (kc) => {
      const [user] = await kc.users.find({ username, exact: true, briefRepresentation: false });
      return user?.id ? this.toDirectoryUser(kc, user) : null;
    });
  }

  async getUser(id: string): Promise<DirectoryUser> {
    return this.call(async (kc) => {
      const user = await kc.users.findOne({ id });
      if (!user?.id) throw new PortalError('E_NOT_FOUND', { key: 'account.notFound' });
      return this.toDirectoryUser(kc, user);
    });
  }

  /** Creates the user with a temporary password and the required action to change it. */
  async createUser(user: NewDirectoryUser): Promise<string> {
    return this.call(async (kc) => {
      try {
        const { id } = await kc.users.create({
          username: user.username,
          enabled: true,
          firstName: user.firstName ?? undefined,
          lastName: user.lastName ?? undefined,
          email: user.email ?? undefined,
          emailVerified: user.email !== null,
          attributes: { unit: [user.unit] },
          requiredActions: ['UPDATE_PASSWORD'],
          credentials: [{ type: 'password', value: user.temporaryPassword, temporary: true }],
        });
        return id;
      } catch (err) {
        if (statusOf(err) !== 409) throw err;
        // Keycloak says which unique value clashed: "User exists with same email" or "… username".
        const said = JSON.stringify((err as { responseData?: unknown }).responseData ?? '');
        if (/email/i.test(said))
          throw fieldError('E_CONFLICT', 'email', 'account.email.taken', {
            email: user.email ?? '',
          });
        throw fieldError('E_CONFLICT', 'username', 'account.username.taken', {
          username: user.username,
        });
      }
    });
  }

  async deleteUser(id: string): Promise<void> {
    await this.call((kc) => kc.users.del({ id }));
  }

  /**
   * Enables or disables the account. Only `enabled` is sent: Keycloak keeps every field a
   * representation leaves out, so a concurrent change of the unit or the names stands.
   */
  async setEnabled(id: string, enabled: boolean): Promise<void> {
    await this.call((kc) => kc.users.update({ id }, { enabled }));
  }

  /**
   * Moves the account to another unit. Keycloak's user profile replaces the profile as a whole
   * when `attributes` is sent (names and e-mail left out are erased), so the profile travels
   * with the new unit; `enabled`, required actions and the rest are not sent, so a concurrent
   * disable or TOTP requirement stands.
   */
  async setUnit(id: string, unit: string): Promise<void> {
    await this.call(async (kc) => {
      const user = await kc.users.findOne({ id, userProfileMetadata: false });
      if (!user) throw new PortalError('E_NOT_FOUND', { key: 'account.notFound' });
      await kc.users.update(
        { id },
        {
          username: user.username,
          firstName: user.firstName,
          lastName: user.lastName,
          email: user.email,
          attributes: { ...user.attributes, unit: [unit] },
        },
      );
    });
  }

  /**
   * A new temporary password; Keycloak itself adds the UPDATE_PASSWORD required action for a
   * temporary one, so nothing else of the user is written.
   */
  async resetPassword(id: string, temporaryPassword: string): Promise<void> {
    await this.call((kc) =>
      kc.users.resetPassword({
        id,
        credential: { type: 'password', value: temporaryPassword, temporary: true },
      }),
    );
  }

  /** Ends every Keycloak session of the user, so their refresh tokens stop working. */
  async logout(id: string): Promise<void> {
    await this.call((kc) => kc.users.logout({ id }));
  }

  /**
   * The longest access-token lifetime any client of the realm can issue: the realm's own, or a
   * client's override (`access.token.lifespan`), read from Keycloak so a changed setting counts.
   */
  async longestAccessTokenLifespanSeconds(): Promise<number> {
    return this.call(async (kc) => {
      const realm = await kc.realms.findOne({ realm: this.settings.realm });
      const clients = await kc.clients.find({ first: 0, max: 1000 });
      const overrides = clients.map((client) =>
        Number(client.attributes?.['access.token.lifespan'] ?? 0),
      );
      return Math.max(
        realm?.accessTokenLifespan ?? 0,
        realm?.accessTokenLifespanForImplicitFlow ?? 0,
        ...overrides.filter((seconds) => Number.isFinite(seconds)),
      );
    });
  }

  /** Usernames of the given ids, fetched together; an id Keycloak no longer knows is left out. */
  async usernames(ids: readonly string[]): Promise<Map<string, string>> {
    return this.call(async (kc) => {
      const found = await Promise.all(
        [...new Set(ids)].map((id) => kc.users.findOne({ id }).catch(() => undefined)),
      );
      return new Map(
        found.filter((u) => u?.id && u.username).map((u) => [u!.id!, u!.username!] as const),
      );
    });
  }

  /** Whether the user has an OTP credential (set up through Keycloak's CONFIGURE_TOTP). */
  async hasOtp(id: string): Promise<boolean> {
    return this.call(async (kc) =>
      (await kc.users.getCredentials({ id })).some((credential) => credential.type === 'otp'),
    );
  }

  /**
   * Adds a Keycloak required action (e.g. `CONFIGURE_TOTP`), keeping the pending ones; only
   * `requiredActions` is written.
   */
  async addRequiredAction(id: string, action: string): Promise<void> {
    await this.call(async (kc) => {
      const user = await kc.users.findOne({ id, userProfileMetadata: false });
      if (!user) throw new PortalError('E_NOT_FOUND', { key: 'account.notFound' });
      const actions = new Set([...(user.requiredActions ?? []), action]);
      await kc.users.update({ id }, { requiredActions: [...actions] });
    });
  }

  /** Grants roles; a role that Keycloak does not know is a 422 naming `roles`. */
  async grantRoles(id: string, roles: readonly AccountRole[]): Promise<void> {
    await this.changeRoles(id, roles, 'grant');
  }

  async removeRoles(id: string, roles: readonly AccountRole[]): Promise<void> {
    await this.changeRoles(id, roles, 'remove');
  }

  private async changeRoles(
    id: string,
    roles: readonly string[],
    how: 'grant' | 'remove',
  ): Promise<void> {
    if (roles.length === 0) return;
    await this.call(async (kc) => {
      const realm = roles.filter(isRealmRole);
      const client = roles.filter((role) => !isRealmRole(role));
      const unknown = () => fieldError('E_VALIDATION', 'roles', 'account.role.unknown');
      if (realm.length) {
        const found = await Promise.all(realm.map((name) => kc.roles.findOneByName({ name })));
        if (found.some((role) => !role?.id || !role.name)) throw unknown();
        const mapped = found.map((role) => ({ id: role!.id!, name: role!.name! }));
        if (how === 'grant') await kc.users.addRealmRoleMappings({ id, roles: mapped });
        else await kc.users.delRealmRoleMappings({ id, roles: mapped });
      }
      if (client.length) {
        const clientUniqueId = await this.portalClient(kc);
        const found = await Promise.all(
          client.map((roleName) => kc.clients.findRole({ id: clientUniqueId, roleName })),
        );
        if (found.some((role) => !role?.id || !role.name)) throw unknown();
        const mapped = found.map((role) => ({ id: role!.id!, name: role!.name! }));
        if (how === 'grant')
          await kc.users.addClientRoleMappings({ id, clientUniqueId, roles: mapped });
        else await kc.users.delClientRoleMappings({ id, clientUniqueId, roles: mapped });
      }
    });
  }

  /** The user with its portal roles and protection; `user.id` is known to be set. */
  private async toDirectoryUser(
    kc: KeycloakAdminClient,
    user: KeycloakUser,
  ): Promise<DirectoryUser> {
    const [roles, protection] = await Promise.all([
      this.rolesOf(kc, user.id!),
      this.protectionOf(kc, user),
    ]);
    return toDirectoryUser(user, roles, protection);
  }

  /**
   * A service account, or a user holding any role of `realm-management` however it came to
   * them (directly, through a composite role or a group: Keycloak's effective mappings): the
   * portal admin must not take over an account that administers Keycloak or acts as a service.
   */
  private async protectionOf(
    kc: KeycloakAdminClient,
    user: KeycloakUser,
  ): Promise<AccountProtection | null> {
    if (user.serviceAccountClientId || user.username?.startsWith('service-account-'))
      return 'serviceAccount';
    const effective = await kc.users.listCompositeClientRoleMappings({
      id: user.id!,
      clientUniqueId: await this.realmManagementClient(kc),
    });
    return effective.length > 0 ? 'realmManagement' : null;
  }

  private async realmManagementClient(kc: KeycloakAdminClient): Promise<string> {
    if (!this.realmManagementUuid) {
      const [client] = await kc.clients.find({ clientId: realmManagementClientId });
      if (!client?.id) throw new PortalError('E_INTERNAL');
      this.realmManagementUuid = client.id;
    }
    return this.realmManagementUuid;
  }

  private async rolesOf(kc: KeycloakAdminClient, id: string): Promise<AccountRole[]> {
    const mappings = await kc.users.listRoleMappings({ id });
    const names = [
      ...(mappings.realmMappings ?? []).map((role) => role.name),
      ...(mappings.clientMappings?.[this.settings.portalClientId]?.mappings ?? []).map(
        (role: { name?: string }) => role.name,
      ),
    ];
    return accountRoles.filter((role) => names.includes(role));
  }

  private async portalClient(kc: KeycloakAdminClient): Promise<string> {
    if (!this.portalClientUuid) {
      const [client] = await kc.clients.find({ clientId: this.settings.portalClientId });
      if (!client?.id) throw new PortalError('E_INTERNAL');
      this.portalClientUuid = client.id;
    }
    return this.portalClientUuid;
  }

  /** Runs Keycloak calls with a fresh service-account token; unreachable Keycloak → E_UNAVAILABLE. */
  private async call<T>(work: (kc: KeycloakAdminClient) => Promise<T>): Promise<T> {
    try {
      return await work(await this.signedIn());
    } catch (err) {
      if (err instanceof PortalError) throw err;
      const status = statusOf(err);
      if (status === 404) throw new PortalError('E_NOT_FOUND', { key: 'account.notFound' });
      if (status === undefined || status === 401 || status >= 500) {
        // A 401 means our token went stale (or the secret is wrong): sign in again next time.
        this.authenticatedAt = 0;
        throw new PortalError('E_UNAVAILABLE', { key: 'account.keycloak.unavailable' });
      }
      throw err;
    }
  }

  private async signedIn(): Promise<KeycloakAdminClient> {
    if (this.client && Date.now() - this.authenticatedAt <= reauthenticateAfterMs)
      return this.client;
    // One sign-in for every call that arrives meanwhile: concurrent calls (an account job's
    // workers) each made a client of their own, and used one not yet signed in (401).
    this.signingIn ??= this.signIn().finally(() => {
      this.signingIn = null;
    });
    return this.signingIn;
  }

  private async signIn(): Promise<KeycloakAdminClient> {
    if (!this.client) {
      // The client is ESM-only; Node 24 loads it from our CommonJS build with import().
      const { default: Client } = await import('@keycloak/keycloak-admin-client');
      this.client = new Client({ baseUrl: this.settings.url, realmName: this.settings.realm });
    }
    await this.client.auth({
      grantType: 'client_credentials',
      clientId: this.settings.clientId,
      clientSecret: this.settings.clientSecret,
    });
    this.authenticatedAt = Date.now();
    return this.client;
  }
}

function statusOf(err: unknown): number | undefined {
  const response = (err as { response?: { status?: unknown } } | null)?.response;
  return typeof response?.status === 'number' ? response.status : undefined;
}

function unitOf(attributes: Record<string, unknown> | undefined): string | null {
  const value = attributes?.unit;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : null;
}

/** The fields of Keycloak's user representation this module reads. */
interface KeycloakUser {
  id?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  enabled?: boolean;
  attributes?: Record<string, unknown>;
  requiredActions?: string[];
  createdTimestamp?: number;
  serviceAccountClientId?: string;
}

function toDirectoryUser(
  user: KeycloakUser,
  roles: AccountRole[],
  protection: AccountProtection | null,
): DirectoryUser {
  return {
    id: user.id!,
    username: user.username ?? '',
    firstName: user.firstName || null,
    lastName: user.lastName || null,
    email: user.email || null,
    enabled: user.enabled ?? false,
    unit: unitOf(user.attributes),
    roles,
    requiredActions: user.requiredActions ?? [],
    createdTimestamp: user.createdTimestamp ?? null,
    protection,
  };
}
