// Verification matrix targets: Python servers (Flask, FastAPI, Django) from the venv scripts/setup.sh makes.
// Each entry: id, server() (what runs, with versions), prepare(dir, config, port, backend,
// variant, helpers) writing the generated config into a runnable app and returning [command,
// args, cwd?]; see tests/verify/verify.mjs for the optional fields.
import { execFileSync } from 'node:child_process';
import { writeFile, readFile, rm, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { ROUTES_PY, VENV, must, pyVersion } from '../lib.mjs';

export const PYTHON = [
  { id: 'flask', server: () => `Flask ${pyVersion('flask')} + flask-cors ${pyVersion('flask-cors')}`,
    async prepare(dir, cfg, port) {
      const t = must(cfg, `@app.get("/api/health")\ndef health():\n    return {"ok": True}`,
        `from routes import reply\nfrom flask import request\n\n\n@app.route("/api/<path:rest>", methods=["GET", "PUT"])\ndef api(rest):\n    status, body, headers = reply(request.method, request.path)\n    return body, status, headers`);
      await writeFile(join(dir, 'app.py'), t);
      await writeFile(join(dir, 'routes.py'), ROUTES_PY);
      return [join(VENV, 'bin/flask'), ['--app', 'app', 'run', '-h', '127.0.0.1', '-p', String(port)]];
    } },
  { id: 'fastapi', server: () => `FastAPI ${pyVersion('fastapi')} (Starlette ${pyVersion('starlette')}) on uvicorn ${pyVersion('uvicorn')}`,
    async prepare(dir, cfg, port) {
      const t = must(cfg, `@app.get("/api/health")\ndef health():\n    return {"ok": True}`,
        `from fastapi import Request\nfrom fastapi.responses import JSONResponse\nfrom routes import reply\n\n\n@app.api_route("/api/{rest:path}", methods=["GET", "PUT"])\ndef api(rest: str, request: Request):\n    status, body, headers = reply(request.method, request.url.path)\n    return JSONResponse(body, status_code=status, headers=headers)`);
      await writeFile(join(dir, 'main.py'), t);
      await writeFile(join(dir, 'routes.py'), ROUTES_PY.replace('from flask import jsonify\n', ''));
      return [join(VENV, 'bin/uvicorn'), ['main:app', '--host', '127.0.0.1', '--port', String(port), '--log-level', 'warning']];
    } },
  { id: 'django', server: () => `Django ${pyVersion('django')} + django-cors-headers ${pyVersion('django-cors-headers')}`,
    async prepare(dir, cfg, port) {
      const base = `SECRET_KEY = "verify-only"\nDEBUG = False\nALLOWED_HOSTS = ["127.0.0.1", "localhost"]\nROOT_URLCONF = "urls"\nINSTALLED_APPS = ["django.contrib.contenttypes"]\nMIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\nUSE_TZ = True\n\n`;
      await writeFile(join(dir, 'settings.py'), base + cfg);
      await writeFile(join(dir, 'routes.py'), ROUTES_PY.replace('from flask import jsonify\n', ''));
      await writeFile(join(dir, 'urls.py'), `from django.http import JsonResponse\nfrom django.urls import path\nfrom routes import reply\n\n\ndef api(request, rest):\n    status, body, headers = reply(request.method, request.path)\n    response = JsonResponse(body, status=status)\n    for key, value in headers.items():\n        response[key] = value\n    return response\n\n\nurlpatterns = [path("api/<path:rest>", api)]\n`);
      return [join(VENV, 'bin/python'), ['-m', 'django', 'runserver', `127.0.0.1:${port}`, '--noreload', '--settings=settings']];
    } },
];
