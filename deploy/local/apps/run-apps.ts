/**
 * `./portal start` after the local stack is up: starts every service and frontend server,
 * seeds the demo data, prints where to go and with which accounts, and stops it all on Ctrl-C.
 */
import { frontendApps, serviceApps, startApps, stopApps, type RunningApp } from './apps.ts';
import { totpUri } from './keycloak-admin.ts';
import { seedAccounts, seedDemoPeriod, seedUnits } from './seed.ts';

const apps: RunningApp[] = [];
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nĐang dừng các dịch vụ của cổng…');
    await stopApps(apps);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const started = Date.now();
  for (const name of [...serviceApps, ...frontendApps]) {
    apps.push(...(await startApps([name])));
    console.log(`  ✓ ${name}`);
  }
  const createdUnits = await seedUnits(process.env.PAR_NATS_URL!);
  const accounts = await seedAccounts();
  // The demo period is a convenience: a province's own set-up must not be stopped by it.
  const demoPeriod = await seedDemoPeriod(process.env.PAR_NATS_URL!).then(
    (id) => (id ? 'một kỳ tự đánh giá mẫu mới tạo' : 'kỳ tự đánh giá mẫu đã có'),
    (err: Error) => `không tạo được kỳ tự đánh giá mẫu (${err.message})`,
  );
  console.log(`
Cổng PAR Index đã chạy (${((Date.now() - started) / 1000).toFixed(0)} s): ${process.env.PAR_SHELL_URL}
  API:      ${process.env.PAR_GATEWAY_URL}/api/openapi.json
  Keycloak: ${process.env.PAR_KEYCLOAK_URL}/admin/ (mật khẩu quản trị trong ${process.env.PAR_RUN_DIR}/secrets.env)
  Dữ liệu mẫu: ${createdUnits} đơn vị mới tạo; ${demoPeriod}.

Tài khoản mẫu (mật khẩu sinh mới ở mỗi lần khởi động):`);
  for (const a of accounts) {
    console.log(`  ${a.username.padEnd(15)} ${a.password}   ${a.description}`);
    // The realm asks every admin for a TOTP code: add this key to an authenticator app.
    if (a.totpSecret)
      console.log(`  ${''.padEnd(15)} mã TOTP: ${totpUri(a.username, a.totpSecret)}`);
  }
  console.log(`\nNhật ký: ${process.env.PAR_RUN_DIR}/logs   —   Nhấn Ctrl-C để dừng.`);
} catch (err) {
  console.error(`\nKhông khởi động được cổng: ${(err as Error).message}`);
  await stop(1);
}
