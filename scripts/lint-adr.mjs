// Checks the architecture decision records in docs/decisions: number and title, status, and the three sections.
import { readdirSync, readFileSync } from 'node:fs';

const dir = 'docs/decisions';
const problems = [];
const numbers = new Map();
const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
for (const file of files) {
  const text = readFileSync(`${dir}/${file}`, 'utf8');
  const name = /^(\d{4})-[a-z0-9-]+\.md$/.exec(file);
  if (!name) problems.push(`${file}: name must be NNNN-title.md`);
  const title = /^# (\d+)\. \S.*$/m.exec(text);
  if (!title) problems.push(`${file}: first heading must be "# N. Title"`);
  else if (name && Number(title[1]) !== Number(name[1]))
    problems.push(`${file}: heading number ${title[1]} differs from the file name`);
  if (!/^Status: (proposed|accepted|deprecated|superseded by \d+)\b/m.test(text))
    problems.push(`${file}: needs "Status: proposed|accepted|deprecated|superseded by N"`);
  for (const section of ['Context', 'Decision', 'Consequences']) {
    if (!new RegExp(`^## ${section}\\s*$`, 'm').test(text))
      problems.push(`${file}: missing section "## ${section}"`);
  }
  if (name) {
    if (numbers.has(name[1]))
      problems.push(`${file}: number ${name[1]} is also used by ${numbers.get(name[1])}`);
    numbers.set(name[1], file);
  }
}
if (files.length === 0) problems.push('no decision records found');
if (problems.length) {
  console.error(`Decision records:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Decision records: ${files.length} complete`);
