// The HCL reader against HashiCorp's parser (@cdktf/hcl2json, its Go code
// built to WebAssembly), on each file given and on mutants of it: both
// must take the same files as valid, and every value the reader knows
// (a literal) must be the value HashiCorp's parser gives. Prints one line
// a file, "ok - NAME" or "not ok - NAME: why".
//
//   node hcl2json.js HCL2JSON_DIR HCL_JSON WORK MUTANTS FILE...
//
// HCL_JSON is tests/hcl-json; MUTANTS the mutants made of each file (seed 1).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [hcl2jsonDir, hclJson, work, mutantCount, ...files] = process.argv.slice(2);
const { parse } = require(path.join(hcl2jsonDir, 'node_modules', '@cdktf', 'hcl2json'));

// ---- mutants ------------------------------------------------------------------
let seed = 1;
function random(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}
const pieces = ['{', '}', '[', ']', '(', ')', '"', '=', ':', ',', '\n', ' ', '$', '%', '~',
  '\\', '#', '/', '*', '.', '-', '<<EOT\n', '\nEOT\n', '${', '%{', 'x', '1', '?', '!', '...'];
function mutate(text) {
  const at = random(text.length + 1);
  switch (random(4)) {
    case 0: return text.slice(0, at) + text.slice(at + 1 + random(3));
    case 1: return text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
    case 2: {
      const lines = text.split('\n');
      const i = random(lines.length);
      lines.splice(i, 0, lines[random(lines.length)]);
      return lines.join('\n');
    }
    default: return text.slice(0, at) + text.slice(at + 1, at + 2) + text.slice(at, at + 1) +
      text.slice(at + 2);
  }
}

// ---- comparing ----------------------------------------------------------------
// How the JSON form writes a literal string: ${ and %{ doubled.
const jsonString = (s) => s.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');

function value(mine, theirs, at) {
  if (mine.u)
    return null;
  if ('s' in mine)
    return theirs === jsonString(mine.s) ? null :
      `${at}: "${mine.s}" read, ${JSON.stringify(theirs)} by HashiCorp's parser`;
  if ('n' in mine) {
    const n = Number(mine.n);
    if (!Number.isFinite(n) || theirs === null)
      return null; // past what JSON holds
    return typeof theirs === 'number' && Math.abs(n - theirs) <= 1e-9 * Math.max(1, Math.abs(n))
      ? null : `${at}: ${mine.n} read, ${JSON.stringify(theirs)} by HashiCorp's parser`;
  }
  if ('v' in mine)
    return theirs === mine.v ? null : `${at}: ${mine.v} read, ${JSON.stringify(theirs)}`;
  if ('l' in mine) {
    if (!Array.isArray(theirs) || theirs.length !== mine.l.length)
      return `${at}: a list of ${mine.l.length} read, ${JSON.stringify(theirs)}`;
    for (let i = 0; i < mine.l.length; i++) {
      const why = value(mine.l[i], theirs[i], `${at}[${i}]`);
      if (why)
        return why;
    }
    return null;
  }
  if (typeof theirs !== 'object' || theirs === null || Array.isArray(theirs))
    return `${at}: an object read, ${JSON.stringify(theirs)}`;
  const last = new Map(); // the last of a repeated key counts
  for (const [key, item] of mine.m)
    if ('s' in key)
      last.set(key.s, item);
  for (const [key, item] of last) {
    const why = value(item, theirs[key], `${at}.${key}`);
    if (why)
      return why;
  }
  return null;
}

function body(mine, theirs, at) {
  const blocks = new Map();
  for (let i = 0; i < mine.m.length; i++) {
    const [key, item] = mine.m[i];
    if (!mine.b[i]) {
      const why = value(item, theirs[key.s], `${at}${key.s}`);
      if (why)
        return why;
      continue;
    }
    const labels = [key.s];
    let node = item;
    while (!node.o) {
      labels.push(node.m[0][0].s);
      node = node.m[0][1];
    }
    const name = JSON.stringify(labels);
    if (!blocks.has(name))
      blocks.set(name, { labels, bodies: [] });
    blocks.get(name).bodies.push(node);
  }
  for (const { labels, bodies } of blocks.values()) {
    let list = theirs;
    for (const label of labels)
      list = list && list[label];
    if (!Array.isArray(list) || list.length !== bodies.length)
      return `${at}${labels.join('.')}: ${bodies.length} blocks read, ${JSON.stringify(list)}`;
    for (let i = 0; i < bodies.length; i++) {
      const why = body(bodies[i], list[i], `${at}${labels.join('.')}[${i}].`);
      if (why)
        return why;
    }
  }
  return null;
}

(async () => {
  fs.mkdirSync(work, { recursive: true });
  const all = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    all.push({ name: path.basename(file), file });
    let mutant = text;
    for (let i = 0; i < Number(mutantCount); i++) {
      mutant = random(3) === 0 ? mutate(text) : mutate(mutant);
      const name = `${path.basename(file, '.tf')}-${i}.tf`;
      fs.writeFileSync(path.join(work, name), mutant);
      all.push({ name: `${path.basename(file)} mutant ${i}`, file: path.join(work, name) });
    }
  }
  const lines = execFileSync(hclJson, all.map((f) => f.file), { maxBuffer: 1 << 28 })
    .toString().trim().split('\n');
  for (let i = 0; i < all.length; i++) {
    const mine = JSON.parse(lines[i]);
    let theirs, error = null;
    try {
      theirs = await parse(all[i].file, fs.readFileSync(all[i].file, 'utf8'));
    } catch (e) {
      error = String(e).replace(/\s+/g, ' ').slice(0, 200);
    }
    let why = null;
    if (mine.error && !error)
      why = `refused at ${mine.error.join(':')}, read by HashiCorp's parser`;
    else if (!mine.error && error && /convert to HCL/.test(error))
      why = null; // read by both; the JSON form cannot hold it (blocks of one
                  // type with and without labels)
    else if (!mine.error && error)
      why = `read, refused by HashiCorp's parser: ${error}`;
    else if (!mine.error)
      why = body(mine.tree, theirs, '');
    console.log(why ? `not ok - ${all[i].name}: ${why}` : `ok - ${all[i].name}`);
  }
})();
