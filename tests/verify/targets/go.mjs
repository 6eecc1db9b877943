// Verification matrix targets: Go servers: net/http, and Gin, rs/cors and Echo from Debian's GOPATH tree (no module download).
// Each entry: id, server() (what runs, with versions), prepare(dir, config, port, backend,
// variant, helpers) writing the generated config into a runnable app and returning [command,
// args, cwd?]; see tests/verify/verify.mjs for the optional fields.
import { execFileSync } from 'node:child_process';
import { writeFile, readFile, rm, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { must, version } from '../lib.mjs';

export const GO = [
  { id: 'go-net-http', server: () => `Go ${version('go', ['version'], /go(\d+\.\d+(?:\.\d+)?)/)} net/http`,
    async prepare(dir, cfg, port) {
      await writeFile(join(dir, 'cors.go'), cfg);
      await writeFile(join(dir, 'main.go'), `package main\n\nimport (\n\t"net/http"\n)\n\nfunc main() {\n\thandler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n\t\tw.Header().Set("Content-Type", "application/json")\n\t\tswitch {\n\t\tcase r.Method == "GET" && r.URL.Path == "/api/data":\n\t\t\tw.Header().Set("X-Request-Id", "42")\n\t\t\tw.Write([]byte(\`{"ok":true}\`))\n\t\tcase r.Method == "PUT" && r.URL.Path == "/api/items/1":\n\t\t\tw.Write([]byte(\`{"updated":true}\`))\n\t\tcase r.Method == "GET" && r.URL.Path == "/api/error":\n\t\t\tw.WriteHeader(500)\n\t\t\tw.Write([]byte(\`{"error":true}\`))\n\t\tdefault:\n\t\t\tw.WriteHeader(404)\n\t\t}\n\t})\n\tpanic(http.ListenAndServe("127.0.0.1:${port}", withCORS(handler)))\n}\n`);
      await writeFile(join(dir, 'go.mod'), 'module verify\n\ngo 1.19\n');
      execFileSync('go', ['build', '-o', 'server', '.'], { cwd: dir, env: { ...process.env, GOCACHE: join(homedir(), '.cache/cors-doctor/go-build'), GOFLAGS: '-mod=mod', GOPROXY: 'off' } });
      return [join(dir, 'server'), []];
    } },
  { id: 'gin', server: () => `Gin ${version('dpkg-query', ['-W', 'golang-github-gin-gonic-gin-dev'], /gin-dev\s+(\S+)/)} + gin-contrib/cors ${version('dpkg-query', ['-W', 'golang-github-gin-contrib-cors-dev'], /cors-dev\s+(\S+)/)} (Debian)`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `	r.GET("/api/health", func(c *gin.Context) { c.JSON(200, gin.H{"ok": true}) })`,
        `	r.GET("/api/data", func(c *gin.Context) { c.Header("X-Request-Id", "42"); c.JSON(200, gin.H{"ok": true}) })\n	r.PUT("/api/items/1", func(c *gin.Context) { c.JSON(200, gin.H{"updated": true}) })\n	r.GET("/api/error", func(c *gin.Context) { c.JSON(500, gin.H{"error": true}) })`);
      t = must(t, `r.Run("127.0.0.1:8080")`, `r.Run("127.0.0.1:${port}")`);
      await writeFile(join(dir, 'main.go'), t);
      // Debian packages the Go modules in a GOPATH tree; no module download.
      execFileSync('go', ['build', '-o', 'server', 'main.go'], { cwd: dir, env: { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOCACHE: join(homedir(), '.cache/cors-doctor/go-build'), GOFLAGS: '' } });
      return [join(dir, 'server'), []];
    } },
  { id: 'rs-cors', server: () => `rs/cors ${version('dpkg-query', ['-W', 'golang-github-rs-cors-dev'], /cors-dev\s+(\S+)/)} on Go ${version('go', ['version'], /go(\d+\.\d+(?:\.\d+)?)/)} net/http (Debian)`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `	mux.HandleFunc("/api/health", func(w http.ResponseWriter, r *http.Request) {\n		w.Header().Set("Content-Type", "application/json")\n		w.Write([]byte(\`{"ok":true}\`))\n	})`,
        `	mux.HandleFunc("/api/data", func(w http.ResponseWriter, r *http.Request) {\n		w.Header().Set("Content-Type", "application/json")\n		w.Header().Set("X-Request-Id", "42")\n		w.Write([]byte(\`{"ok":true}\`))\n	})\n	mux.HandleFunc("/api/items/1", func(w http.ResponseWriter, r *http.Request) {\n		w.Header().Set("Content-Type", "application/json")\n		w.Write([]byte(\`{"updated":true}\`))\n	})\n	mux.HandleFunc("/api/error", func(w http.ResponseWriter, r *http.Request) {\n		w.Header().Set("Content-Type", "application/json")\n		w.WriteHeader(500)\n		w.Write([]byte(\`{"error":true}\`))\n	})`);
      t = must(t, `http.ListenAndServe("127.0.0.1:8080"`, `http.ListenAndServe("127.0.0.1:${port}"`);
      await writeFile(join(dir, 'main.go'), t);
      execFileSync('go', ['build', '-o', 'server', 'main.go'], { cwd: dir, env: { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOCACHE: join(homedir(), '.cache/cors-doctor/go-build'), GOFLAGS: '' } });
      return [join(dir, 'server'), []];
    } },
  // Echo from Debian's GOPATH tree; its /v4 import path is a link made in the work directory.
  { id: 'echo', server: () => `Echo ${version('dpkg-query', ['-W', 'golang-github-labstack-echo-dev'], /echo-dev\s+(\S+)/)} (Debian)`,
    async prepare(dir, cfg, port) {
      let t = must(cfg, `	e.GET("/api/health", func(c echo.Context) error {\n		return c.JSON(http.StatusOK, map[string]bool{"ok": true})\n	})`,
        `	e.GET("/api/data", func(c echo.Context) error {\n		c.Response().Header().Set("X-Request-Id", "42")\n		return c.JSON(http.StatusOK, map[string]bool{"ok": true})\n	})\n	e.PUT("/api/items/1", func(c echo.Context) error { return c.JSON(http.StatusOK, map[string]bool{"updated": true}) })\n	e.GET("/api/error", func(c echo.Context) error { return c.JSON(http.StatusInternalServerError, map[string]bool{"error": true}) })`);
      t = must(t, `e.Start("127.0.0.1:8080")`, `e.Start("127.0.0.1:${port}")`);
      const gopath = join(dir, 'gopath');
      await mkdir(join(gopath, 'src/github.com/labstack/echo'), { recursive: true });
      await symlink('/usr/share/gocode/src/github.com/labstack/echo', join(gopath, 'src/github.com/labstack/echo/v4'));
      await writeFile(join(dir, 'main.go'), t);
      execFileSync('go', ['build', '-o', 'server', 'main.go'], { cwd: dir, env: { ...process.env, GO111MODULE: 'off', GOPATH: `${gopath}:/usr/share/gocode`, GOCACHE: join(homedir(), '.cache/cors-doctor/go-build'), GOFLAGS: '' } });
      return [join(dir, 'server'), []];
    } },
];
