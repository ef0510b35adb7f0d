// Runs the shipped deploy/nginx/naringslivsnytt.conf with Debian's nginx in a temporary folder,
// in front of the end-to-end site: the placeholders filled in, the listen ports moved to free
// loopback ports, and a small main config around it (what /etc/nginx/nginx.conf is in production).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/tests/setup/free-port";

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
export const SHIPPED_CONFIG = path.resolve("deploy/nginx/naringslivsnytt.conf");

export type NginxProxy = { httpsUrl: string; httpUrl: string; config: string; accessLog: string; errorLog: string; stop: () => Promise<void> };

/** Replaces `from` in `text`, and fails when the shipped config no longer has it. */
function replaceOrFail(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`deploy/nginx/naringslivsnytt.conf no longer contains ${from}; update tests/e2e/nginx-proxy.ts`);
  return out;
}

/** The shipped config with every @PLACEHOLDER@ filled; an unknown or unfilled one is an error. */
export function renderConfig(template: string, values: Record<string, string>): string {
  for (const [name, value] of Object.entries(values)) template = replaceOrFail(template, new RegExp(`@${name}@`, "g"), value);
  const left = template.match(/@[A-Z_]+@/g);
  if (left) throw new Error(`placeholders without a value: ${[...new Set(left)].join(", ")}`);
  return template;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startNginxProxy(opts: { appServer: string }): Promise<NginxProxy> {
  if (!existsSync(NGINX)) {
    throw new Error(`Debian's nginx is not installed (${NGINX} is missing): apt-get install nginx (as .ci/run does), or set NGINX_PATH`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "nn-nginx-"));
  // nginx's workers run as nobody when the master is root: they must reach the cache folder.
  await chmod(dir, 0o755);
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  await mkdir(path.join(dir, "logs"));
  // A throwaway certificate for 127.0.0.1.
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { stdio: "pipe" });

  let site = renderConfig(await readFile(SHIPPED_CONFIG, "utf8"), {
    SERVER_NAME: "127.0.0.1",
    TLS_CERTIFICATE: path.join(dir, "cert.pem"),
    TLS_CERTIFICATE_KEY: path.join(dir, "key.pem"),
    APP_SERVER: opts.appServer,
    CACHE_DIR: path.join(dir, "cache"),
    LOG_DIR: path.join(dir, "logs"),
  });
  // Loopback ports instead of 80 and 443, and no IPv6 (not every test machine has it).
  site = replaceOrFail(site, /^(\s*)listen 443 /m, `$1listen 127.0.0.1:${httpsPort} `);
  site = replaceOrFail(site, /^(\s*)listen 80;/m, `$1listen 127.0.0.1:${httpPort};`);
  site = replaceOrFail(site, /^\s*listen \[::\]:.*\n/gm, "");
  const siteFile = path.join(dir, "naringslivsnytt.conf");
  await writeFile(siteFile, site);

  const config = path.join(dir, "nginx.conf");
  const errorLog = path.join(dir, "logs", "error.log");
  await writeFile(
    config,
    [
      `pid ${dir}/nginx.pid;`,
      `error_log ${errorLog} warn;`,
      "worker_processes 1;",
      "events { worker_connections 512; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      `  client_body_temp_path ${dir}/tmp/body;`,
      `  proxy_temp_path ${dir}/tmp/proxy;`,
      `  fastcgi_temp_path ${dir}/tmp/fastcgi;`,
      `  uwsgi_temp_path ${dir}/tmp/uwsgi;`,
      `  scgi_temp_path ${dir}/tmp/scgi;`,
      `  include ${siteFile};`,
      "}",
      "",
    ].join("\n"),
  );
  await mkdir(path.join(dir, "tmp"));
  const args = ["-p", dir, "-c", config, "-e", errorLog];
  try {
    execFileSync(NGINX, [...args, "-t", "-q"], { stdio: "pipe" });
  } catch (err) {
    throw new Error(`nginx refuses the generated config ${siteFile}:\n${(err as { stderr?: Buffer }).stderr?.toString() ?? err}`);
  }

  const nginx: ChildProcess = spawn(NGINX, [...args, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise((resolve) => nginx.once("exit", resolve));
  const stop = async () => {
    if (nginx.exitCode === null && nginx.signalCode === null) {
      nginx.kill("SIGQUIT"); // graceful: finishes the requests under way
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  // Ready once it accepts connections; a config that loads but cannot listen exits instead.
  for (let i = 0; ; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}:\n${await readFile(errorLog, "utf8").catch(() => "")}`);
    if (await canConnect(httpsPort)) break;
    if (i === 100) throw new Error("nginx did not listen within 10 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  const accessLog = path.join(dir, "logs", "naringslivsnytt.access.log");
  return { httpsUrl: `https://127.0.0.1:${httpsPort}`, httpUrl: `http://127.0.0.1:${httpPort}`, config: site, accessLog, errorLog, stop };
}
