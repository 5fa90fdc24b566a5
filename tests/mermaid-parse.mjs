// Parses every ```mermaid block of Markdown files with Mermaid's own
// parser (mermaid.parse, the one that runs before GitHub or GitLab draws
// a diagram), in one node process for all of them.
//
//   node tests/mermaid-parse.mjs TOOLS FILE...
//
// TOOLS is the directory scripts/setup-mermaid prints. Prints, for each
// FILE, "FILE: N diagrams" or "FILE: error in diagram N: MESSAGE" (a
// file with no block is an error too: a diagram was expected), and exits 1
// when any file had an error.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [tools, ...files] = process.argv.slice(2);
const require = createRequire(join(tools, 'package.json'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const url = pathToFileURL(join(tools, 'node_modules/mermaid/dist/mermaid.core.mjs'));
const { default: mermaid } = await import(url.href);
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

function blocks(markdown) {
	const found = [];
	const fence = /^```mermaid\n([\s\S]*?)^```$/gm;
	for (let match; (match = fence.exec(markdown)) !== null;)
		found.push(match[1]);
	return found;
}

let failed = false;
for (const file of files) {
	const diagrams = blocks(readFileSync(file, 'utf8'));
	let error = diagrams.length ? null : 'no ```mermaid block';
	for (let i = 0; i < diagrams.length && !error; i++) {
		try {
			const parsed = await mermaid.parse(diagrams[i]);
			if (!parsed || !String(parsed.diagramType).startsWith('flowchart'))
				error = `in diagram ${i + 1}: not a flowchart (${parsed && parsed.diagramType})`;
		} catch (e) {
			error = `in diagram ${i + 1}: ${String(e.message || e).split('\n').join(' | ')}`;
		}
	}
	failed ||= error !== null;
	console.log(error ? `${file}: error ${error}` : `${file}: ${diagrams.length} diagrams`);
}
process.exit(failed ? 1 : 0);
