/**
 * One trace follows "create a unit" from the gateway's HTTP span through the accounts
 * service's action span to the database command, exported over OTLP as in production.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import {
  appDefinition,
  startApp,
  stopApps,
  type RunningApp,
} from '../../../../deploy/local/apps/apps.ts';
import { eventuallyValue, gatewayRoutesToAccounts } from '../../../../test/support/eventually';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
  type TestClient,
  type TestUser,
} from '../../../../test/support/keycloak';

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string } }[];
  service: string;
}

/** A minimal OTLP/HTTP (JSON) trace receiver standing in for the collector. */
function startReceiver(): Promise<{ url: string; spans: Span[]; close(): void }> {
  const spans: Span[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const payload = JSON.parse(body || '{}');
      for (const rs of payload.resourceSpans ?? []) {
        const service = rs.resource.attributes.find(
          (a: { key: string }) => a.key === 'service.name',
        )?.value.stringValue;
        for (const ss of rs.scopeSpans ?? [])
          for (const span of ss.spans ?? []) spans.push({ ...span, service });
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        spans,
        close: () => server.close(),
      }),
    ),
  );
}

describe('tracing across services', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let apps: RunningApp[] = [];
  let client: TestClient;
  let admin: TestUser;

  beforeAll(async () => {
    receiver = await startReceiver();
    const otel = {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    };
    apps = [
      await startApp(appDefinition('gateway'), { extraEnv: otel }),
      await startApp(appDefinition('accounts'), { extraEnv: otel }),
    ];
    client = await createTestClient();
    admin = await createUser({ roles: ['admin'] });
  });

  afterAll(async () => {
    await stopApps(apps);
    receiver.close();
    await deleteUser(admin);
    await deleteTestClient(client);
  });

  it('shows spans of the gateway, the accounts service and the database in one trace', async () => {
    const token = await tokenFor(admin, client);
    await gatewayRoutesToAccounts(token);
    const code = `TR${randomUUID().slice(0, 6).toUpperCase()}`;
    const res = await fetch(`${process.env.PAR_GATEWAY_URL}/api/units`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, name: 'Sở Truy vết', kind: 'department' }),
    });
    expect(res.status).toBe(201);

    const action = await waitFor(() =>
      receiver.spans.find((s) => s.name === 'action accounts.createUnit'),
    );
    const trace = () => receiver.spans.filter((s) => s.traceId === action.traceId);
    const insert = await waitFor(() =>
      trace().find(
        (s) => s.service === 'accounts' && dbSystem(s) === 'mongodb' && /insert/.test(s.name),
      ),
    );
    const httpServer = await waitFor(() =>
      trace().find((s) => s.service === 'gateway' && s.name.startsWith('POST')),
    );

    expect(action.service).toBe('accounts');
    expect(ancestors(insert, trace())).toContain(action.spanId);
    expect(ancestors(action, trace())).toContain(httpServer.spanId);
  });
});

function attr(span: Span, key: string): string | undefined {
  return span.attributes.find((a) => a.key === key)?.value.stringValue;
}

/** Semantic conventions renamed `db.system` to `db.system.name`; either identifies the database. */
function dbSystem(span: Span): string | undefined {
  return attr(span, 'db.system.name') ?? attr(span, 'db.system');
}

function ancestors(span: Span, spans: Span[]): string[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const chain: string[] = [];
  for (
    let parent = span.parentSpanId;
    parent && byId.has(parent);
    parent = byId.get(parent)!.parentSpanId
  )
    chain.push(parent);
  return chain;
}

const waitFor = <T>(find: () => T | undefined): Promise<T> =>
  eventuallyValue(find, 15_000, 'the span exported');
