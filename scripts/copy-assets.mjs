// After tsc: copy what the compiled code reads at run time (migrations, data files, static assets) into dist/.
import { chmodSync, cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const copied = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(sql|csv|css|json|md|svg|png|woff2?)$/.test(name) && !name.endsWith('.test.json')) {
      cpSync(path, join('dist', path));
      copied.push(path);
    }
  }
}
walk('src');
console.log(`copy-assets: ${copied.length} files copied into dist/src`);

// The `schakel` bin runs the compiled file directly.
chmodSync('dist/src/cli.js', 0o755);
