// The build's bill of materials step (write-sbom.mjs), run into a temporary file: it must be a
// CycloneDX document that names this product and the packages that matter on both sides.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeSbom } from './write-sbom.mjs';

test('the build writes a CycloneDX bill of materials of the installed packages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jit-sbom-'));
  try {
    const file = join(dir, 'sbom.cdx.json');
    writeSbom(file);
    const bom = JSON.parse(readFileSync(file, 'utf8'));

    assert.equal(bom.bomFormat, 'CycloneDX');
    assert.match(bom.specVersion, /^1\.[4-9]$/);
    assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.equal(bom.metadata.component.name, 'jit-workspace');
    assert.equal(bom.metadata.component.type, 'application');

    const byName = new Map(bom.components.map((c) => [c.name, c]));
    for (const name of ['@nestjs/core', 'better-sqlite3', 'react', 'react-dom', '@jit/server', '@jit/client']) {
      const component = byName.get(name);
      assert.ok(component, `${name} is in the bill`);
      assert.match(component.version, /^\d+\.\d+\.\d+/);
      assert.equal(component.purl, `pkg:npm/${name.replace('@', '%40')}@${component.version}`);
    }
    // What a scanner matches advisories on: every component has a package URL, and each appears once.
    assert.ok(bom.components.every((c) => c.purl?.startsWith('pkg:npm/')));
    assert.equal(new Set(bom.components.map((c) => c['bom-ref'])).size, bom.components.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
