// Starts the real server (node + tsx, in-memory PGlite with the demo) and Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The last server started in this test file: where signIn goes when not told. */
let serverUrl = '';

export interface Server {
  url: string;
  proc: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  let out = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    // Recompute at once, so a page read right after a submission shows the new count.
    env: {
      ...process.env,
      DATABASE_URL: 'memory:',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      RECOMPUTE_DELAY_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  serverUrl = url;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    proc,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export const PHONE = { width: 360, height: 740 };

export async function openBrowser(
  opts: { javaScript?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'itas-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: opts.viewport ?? PHONE,
    javaScriptEnabled: opts.javaScript ?? true,
    locale: 'th-TH',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in as a person does: from the front page, the "เข้าสู่ระบบ" link, the form, the button —
 * or, with `next`, by opening that page signed out, which sends to the sign-in form and back.
 * Waits until the browser has left the sign-in page (for the home, or `next`).
 */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  opts: { next?: string; base?: string } = {},
): Promise<void> {
  const base = opts.base ?? serverUrl;
  await page.context().clearCookies();
  if (opts.next) await page.goto(`${base}${opts.next}`);
  else {
    await page.goto(base);
    await page.getByRole('link', { name: 'เข้าสู่ระบบ' }).click();
  }
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((u) => u.pathname !== '/sign-in');
}

const axeSource = readFileSync(
  new URL('../../node_modules/axe-core/axe.min.js', import.meta.url),
  'utf8',
);

/** axe-core's violations on the page as it stands, one line each ("rule: first targets"). */
export async function runAxe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const a = (
      window as unknown as {
        axe: {
          run: (
            o: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return a.run({ resultTypes: ['violations'] });
  });
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}
