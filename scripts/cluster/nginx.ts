// Debian's nginx in front of the app servers: the configuration (also the example operators copy,
// docs/examples/nginx.conf) and the process. See docs/decisions/048-several-app-servers.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRoot } from '../../test/setup/commands.js';
import { NGINX_BIN } from '../../test/setup/debian-packages.js';
import { logTail, stopProcess, waitUntil } from './processes.js';

export type NginxSettings = {
  /** The folder nginx keeps its pid, logs and temporary files in (its -p prefix). */
  prefix: string;
  listenPort: number;
  upstreamPorts: readonly number[];
};

/**
 * The configuration: one upstream of every app server with connections kept open, and a GET that
 * fails on one server (refused, reset, timed out, 502, 503) tried once on each other. A POST is never
 * sent twice: nginx passes a non-idempotent request on only when the first server never got it.
 */
export function nginxConfig({ prefix, listenPort, upstreamPorts }: NginxSettings): string {
  const servers = upstreamPorts.map((port) => `    server 127.0.0.1:${port} max_fails=3 fail_timeout=2s;`).join('\n');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${join(prefix, 'temp', name)};`).join('\n');
  return `# Written by scripts/cluster.ts: ${upstreamPorts.length} app server(s) behind one nginx.
${isRoot() ? 'user nobody nogroup;\n' : ''}daemon off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;

events {
  worker_connections 4096;
}

http {
  log_format bindery '$remote_addr [$time_local] "$request" $status $body_bytes_sent $request_time '
                     'upstream=$upstream_addr status=$upstream_status id=$request_id';
  access_log ${join(prefix, 'access.log')} bindery buffer=64k flush=1s;
${temp}
  server_tokens off;
  default_type application/octet-stream;

  upstream bindery {
${servers}
    keepalive 64;
  }

  server {
    listen 127.0.0.1:${listenPort};
    client_max_body_size 9m;

    location / {
      proxy_pass http://bindery;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries ${Math.max(2, upstreamPorts.length)};
      proxy_next_upstream_timeout 15s;
    }
  }
}
`;
}

export type Nginx = { port: number; pid: number; confFile: string; stop: () => Promise<void> };

/** Writes the configuration under `prefix` and runs nginx in the foreground until stopped; resolves once it answers /healthz. */
export async function startNginx(settings: NginxSettings): Promise<Nginx> {
  mkdirSync(join(settings.prefix, 'temp'), { recursive: true, mode: 0o755 });
  const confFile = join(settings.prefix, 'nginx.conf');
  writeFileSync(confFile, nginxConfig(settings));
  const child: ChildProcess = spawn(NGINX_BIN, ['-p', settings.prefix, '-c', confFile], { stdio: 'ignore' });
  if (child.pid === undefined) throw new Error(`${NGINX_BIN} could not be started`);
  const errorLog = join(settings.prefix, 'error.log');
  await waitUntil(child, `nginx on port ${settings.listenPort}`, errorLog, async () => (await fetch(`http://127.0.0.1:${settings.listenPort}/healthz`)).status === 200)
    .catch(async (error: unknown) => { await stopProcess(child, 'SIGTERM'); throw new Error(`${String(error)}\n${logTail(errorLog)}`); });
  // SIGQUIT: finish what is in flight, as `nginx -s quit` does.
  return { port: settings.listenPort, pid: child.pid, confFile, stop: () => stopProcess(child, 'SIGQUIT') };
}
