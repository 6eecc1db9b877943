// Verification matrix targets: Object stores in emulators: S3 (s3rver) and Azure Blob (Azurite).
// Each entry: id, server() (what runs, with versions), prepare(dir, config, port, backend,
// variant, helpers) writing the generated config into a runnable app and returning [command,
// args, cwd?]; see tests/verify/verify.mjs for the optional fields.
import { execFileSync } from 'node:child_process';
import { writeFile, readFile, rm, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { AZURE_ACCOUNT, ROOT, azure, npmVersion } from '../lib.mjs';

export const STORAGE = [
  { id: 'aws-s3', server: () => `s3rver ${npmVersion('s3rver')} S3 emulator (the bucket CORS JSON sent as the XML that put-bucket-cors sends)`,
    storage: { expose: 'x-amz-meta-request-id' },
    async prepare(dir, cfg, port) {
      // What `aws s3api put-bucket-cors --cors-configuration file://cors.json` does: the JSON
      // rules become the API's XML body.
      const rules = JSON.parse(cfg).CORSRules;
      const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const xml = `<CORSConfiguration>${rules.map((r) => `<CORSRule>${[['AllowedOrigins', 'AllowedOrigin'], ['AllowedMethods', 'AllowedMethod'], ['AllowedHeaders', 'AllowedHeader'], ['ExposeHeaders', 'ExposeHeader']].map(([k, tag]) => (r[k] ?? []).map((v) => `<${tag}>${esc(v)}</${tag}>`).join('')).join('')}${r.MaxAgeSeconds === undefined ? '' : `<MaxAgeSeconds>${r.MaxAgeSeconds}</MaxAgeSeconds>`}</CORSRule>`).join('')}</CORSConfiguration>`;
      await writeFile(join(dir, 'cors.xml'), xml);
      return ['node', [join(ROOT, 'node_modules/s3rver/bin/s3rver.js'), '-d', join(dir, 'data'), '-a', '127.0.0.1', '-p', String(port), '--silent', '--configure-bucket', 'api', join(dir, 'cors.xml')]];
    },
    async setup(api) {
      const put = await fetch(`${api}/api/data`, { method: 'PUT', body: '{"ok":true}', headers: { 'Content-Type': 'application/json', 'x-amz-meta-request-id': '42' } });
      if (put.status !== 200) throw new Error(`s3rver refused the object upload: ${put.status}`);
    } },
  { id: 'azure-blob', server: () => `Azurite ${npmVersion('azurite')} Azure Blob emulator (the XML sent as Set Blob Service Properties)`,
    storage: { base: `/${AZURE_ACCOUNT}`, expose: 'x-ms-meta-requestid' },
    async prepare(dir, cfg, port) {
      return [join(ROOT, 'node_modules/.bin/azurite-blob'), ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', join(dir, 'az'), '--silent', '--skipApiVersionCheck', '--disableTelemetry']];
    },
    async setup(api, cfg) {
      // The generated XML is exactly the body of Set Blob Service Properties.
      await azure(api, 'PUT', '', { restype: 'service', comp: 'properties' }, { 'Content-Type': 'application/xml' }, cfg);
      await azure(api, 'PUT', '/api', { restype: 'container' }, { 'x-ms-blob-public-access': 'blob' });
      await azure(api, 'PUT', '/api/data', {}, { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': 'application/json', 'x-ms-meta-requestid': '42' }, '{"ok":true}');
    } },
];
