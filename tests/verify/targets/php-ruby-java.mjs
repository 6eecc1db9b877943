// Verification matrix targets: PHP's built-in server, Rack::Cors on WEBrick and Tomcat's CorsFilter (Debian packages).
// Each entry: id, server() (what runs, with versions), prepare(dir, config, port, backend,
// variant, helpers) writing the generated config into a runnable app and returning [command,
// args, cwd?]; see tests/verify/verify.mjs for the optional fields.
import { execFileSync } from 'node:child_process';
import { writeFile, readFile, rm, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { ROOT, must, version } from '../lib.mjs';

export const PHP_RUBY_JAVA = [
  { id: 'php', server: () => `PHP ${version('php', ['-v'], /PHP (\S+)/)} built-in server`,
    async prepare(dir, cfg, port) {
      const t = must(cfg, `header('Content-Type: application/json');\necho json_encode(['ok' => true]);`,
        `$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);\n$method = $_SERVER['REQUEST_METHOD'];\nheader('Content-Type: application/json');\nif ($method === 'GET' && $path === '/api/data') { header('X-Request-Id: 42'); echo json_encode(['ok' => true]); }\nelseif ($method === 'PUT' && $path === '/api/items/1') { echo json_encode(['updated' => true]); }\nelseif ($method === 'GET' && $path === '/api/error') { http_response_code(500); echo json_encode(['error' => true]); }\nelse { http_response_code(404); echo '{}'; }`);
      await writeFile(join(dir, 'index.php'), t);
      return ['php', ['-S', `127.0.0.1:${port}`, 'index.php']];
    } },
  { id: 'rails', server: () => `Rack::Cors ${version('dpkg-query', ['-W', 'ruby-rack-cors'], /ruby-rack-cors\s+(\S+)/)} on Rack ${version('dpkg-query', ['-W', 'ruby-rack'], /ruby-rack\s+(\S+)/)} (WEBrick)`,
    async prepare(dir, cfg, port) {
      // The initializer's Rack::Cors block, mounted in a plain Rack app (a full Rails app is
      // not needed to exercise rack-cors).
      const t = must(cfg, `Rails.application.config.middleware.insert_before 0, Rack::Cors do`, `use Rack::Cors do`);
      const app = `require 'json'\nrequire 'rack/cors'\n${t}\nrun lambda { |env|\n  m, p = env['REQUEST_METHOD'], env['PATH_INFO']\n  if m == 'GET' && p == '/api/data' then [200, { 'Content-Type' => 'application/json', 'X-Request-Id' => '42' }, ['{"ok":true}']]\n  elsif m == 'PUT' && p == '/api/items/1' then [200, { 'Content-Type' => 'application/json' }, ['{"updated":true}']]\n  elsif m == 'GET' && p == '/api/error' then [500, { 'Content-Type' => 'application/json' }, ['{"error":true}']]\n  else [404, {}, ['']] end\n}\n`;
      await writeFile(join(dir, 'config.ru'), app);
      return ['rackup', ['-s', 'webrick', '-o', '127.0.0.1', '-p', String(port), join(dir, 'config.ru')]];
    } },
  { id: 'tomcat', server: () => `Apache Tomcat ${version('dpkg-query', ['-W', 'tomcat10'], /tomcat10\s+(\S+)/)} (Debian tomcat10)`, group: true, startSeconds: 60,
    async prepare(dir, cfg, port) {
      // A private CATALINA_BASE: a minimal server.xml on 127.0.0.1, Debian's default web.xml,
      // and a ROOT webapp whose web.xml holds the generated CorsFilter and a small servlet.
      const base = join(dir, 'tc');
      const web = join(base, 'webapps/ROOT/WEB-INF');
      for (const d of ['conf', 'logs', 'temp', 'work', 'webapps/ROOT/WEB-INF/classes']) await mkdir(join(base, d), { recursive: true });
      await writeFile(join(base, 'conf/server.xml'), `<Server port="-1" shutdown="SHUTDOWN">\n  <Service name="Catalina">\n    <Connector port="${port}" address="127.0.0.1" protocol="HTTP/1.1" />\n    <Engine name="Catalina" defaultHost="localhost">\n      <Host name="localhost" appBase="webapps" unpackWARs="false" autoDeploy="false" />\n    </Engine>\n  </Service>\n</Server>\n`);
      await writeFile(join(base, 'conf/web.xml'), await readFile('/etc/tomcat10/web.xml'));
      await writeFile(join(web, 'web.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">\n${cfg}\n<servlet><servlet-name>api</servlet-name><servlet-class>Api</servlet-class></servlet>\n<servlet-mapping><servlet-name>api</servlet-name><url-pattern>/api/*</url-pattern></servlet-mapping>\n</web-app>\n`);
      const java = `import jakarta.servlet.http.*;\nimport java.io.IOException;\n\npublic class Api extends HttpServlet {\n  protected void doGet(HttpServletRequest q, HttpServletResponse r) throws IOException {\n    r.setContentType("application/json");\n    if (q.getRequestURI().equals("/api/data")) { r.setHeader("X-Request-Id", "42"); r.getWriter().write("{\\"ok\\":true}"); }\n    else if (q.getRequestURI().equals("/api/error")) { r.setStatus(500); r.getWriter().write("{\\"error\\":true}"); }\n    else r.setStatus(404);\n  }\n  protected void doPut(HttpServletRequest q, HttpServletResponse r) throws IOException {\n    r.setContentType("application/json");\n    if (q.getRequestURI().equals("/api/items/1")) r.getWriter().write("{\\"updated\\":true}"); else r.setStatus(404);\n  }\n}\n`;
      await writeFile(join(dir, 'Api.java'), java);
      execFileSync('javac', ['-cp', '/usr/share/tomcat10/lib/servlet-api.jar', '-d', join(web, 'classes'), join(dir, 'Api.java')], { timeout: 120_000 });
      return ['/usr/share/tomcat10/bin/catalina.sh', ['run']];
    },
    env: (port, dir) => ({ CATALINA_HOME: '/usr/share/tomcat10', CATALINA_BASE: join(dir, 'tc') }),
  },
];
