// Verification matrix targets: Reverse proxies in front of the shared backend (nginx, HAProxy, Apache, Caddy), and the layers pair nginx+express.
// Each entry: id, server() (what runs, with versions), prepare(dir, config, port, backend,
// variant, helpers) writing the generated config into a runnable app and returning [command,
// args, cwd?]; see tests/verify/verify.mjs for the optional fields.
import { execFileSync } from 'node:child_process';
import { writeFile, readFile, rm, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { TARGET_SECONDS, VENV, freePort, generate, must, npmVersion, rawRequest, start, version, waitForPort } from '../lib.mjs';

export const PROXIES = [
  { id: 'caddy', server: () => `Caddy ${version(join(VENV, 'bin/caddy'), ['version'], /v(\S+)/)}`, backend: true,
    async prepare(dir, cfg, port, backend) {
      let t = must(cfg, `http://127.0.0.1:8080 {`, `http://127.0.0.1:${port} {`);
      t = must(t, `reverse_proxy 127.0.0.1:9000 {`, `reverse_proxy 127.0.0.1:${backend} {`);
      await writeFile(join(dir, 'Caddyfile'), `{\n\tadmin off\n\tpersist_config off\n}\n${t}`);
      return [join(VENV, 'bin/caddy'), ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile']];
    } },
  { id: 'nginx', server: () => `nginx ${version('nginx', ['-v'], /nginx\/(\S+)/)}`, backend: true,
    async prepare(dir, cfg, port, backend) {
      let t = must(cfg, `listen 127.0.0.1:8080;`, `listen 127.0.0.1:${port};`);
      t = must(t, `proxy_pass http://127.0.0.1:9000;`, `proxy_pass http://127.0.0.1:${backend};`);
      await mkdir(join(dir, 'tmp'), { recursive: true });
      await writeFile(join(dir, 'nginx.conf'), `worker_processes 1;\ndaemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir}/tmp/body;\n  proxy_temp_path ${dir}/tmp/proxy;\n  fastcgi_temp_path ${dir}/tmp/fcgi;\n  uwsgi_temp_path ${dir}/tmp/uwsgi;\n  scgi_temp_path ${dir}/tmp/scgi;\n${t}\n}\n`);
      return ['nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')]];
    } },
  // Layers: nginx in front of an Express app, both configured by cors-doctor for the same
  // policy (the app's own config left in place, as it usually is). The pair must still send
  // exactly one Allow-Origin (the generated nginx config hides the app's): scenario
  // single-allow-origin. Not a target of its own: the two generated configs together.
  { id: 'nginx+express', layers: ['nginx', 'express'], server: () => `nginx ${version('nginx', ['-v'], /nginx\/(\S+)/)} in front of Express ${npmVersion('express')} + cors ${npmVersion('cors')}`,
    generate: (origin, full) => JSON.stringify({ origin, nginx: generate('nginx', origin, full), express: generate('express', origin, full) }),
    async prepare(dir, cfg, port, backend, variant, helpers) {
      const { nginx, express } = JSON.parse(cfg);
      const appPort = await freePort();
      let app = must(express, `app.get('/api/health', (req, res) => res.json({ ok: true }));`, `require('./routes.js').express(app);`);
      app = must(app, `app.listen(8080, '127.0.0.1')`, `app.listen(${appPort}, '127.0.0.1')`);
      await writeFile(join(dir, 'app.js'), app);
      const child = start('node', ['app.js'], dir);
      helpers.push(child);
      await waitForPort(appPort, child, TARGET_SECONDS / 2);
      // The control: the app alone does send Allow-Origin, so one header from the pair means
      // the proxy's config removed the app's, not that only one layer was configured.
      const alone = await rawRequest(`http://127.0.0.1:${appPort}/api/data`, { headers: { Origin: JSON.parse(cfg).origin } });
      if (!alone.headers.some(([k]) => k.toLowerCase() === 'access-control-allow-origin')) throw new Error('the app behind nginx sends no Allow-Origin of its own: the layers scenario would prove nothing');
      return PROXIES.find((t) => t.id === 'nginx').prepare(dir, nginx, port, appPort);
    } },
  { id: 'haproxy', server: () => `HAProxy ${version('haproxy', ['-v'], /version (\S+)/)}`, backend: true,
    async prepare(dir, cfg, port, backend) {
      let t = must(cfg, `bind 127.0.0.1:8080`, `bind 127.0.0.1:${port}`);
      t = must(t, `server app1 127.0.0.1:9000`, `server app1 127.0.0.1:${backend}`);
      await writeFile(join(dir, 'haproxy.cfg'), t);
      return ['haproxy', ['-f', join(dir, 'haproxy.cfg'), '-db']];
    } },
  { id: 'apache', server: () => `Apache httpd ${version('apache2', ['-v'], /Apache\/(\S+)/)}`, backend: true,
    async prepare(dir, cfg, port, backend) {
      const mods = ['mpm_event', 'authz_core', 'headers', 'setenvif', 'rewrite', 'proxy', 'proxy_http'];
      const conf = [
        `ServerRoot ${dir}`, `Listen 127.0.0.1:${port}`, `PidFile ${dir}/httpd.pid`, `ErrorLog ${dir}/error.log`,
        `ServerName 127.0.0.1`, `User www-data`, `Group www-data`, `DefaultRuntimeDir ${dir}`,
        ...mods.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
        `ProxyPass /api/ http://127.0.0.1:${backend}/api/`,
        cfg,
      ].join('\n');
      await writeFile(join(dir, 'httpd.conf'), conf);
      return ['apache2', ['-X', '-d', dir, '-f', join(dir, 'httpd.conf')]];
    } },
];
