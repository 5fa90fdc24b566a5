// Validates JSON files against a JSON Schema with ajv, all in one process,
// and prints "FILE<TAB>valid" or "FILE<TAB>invalid" for each.
//   node bench/ajv-validate.js SCHEMA FILE...
const fs = require('fs');
const Ajv = require('ajv'); // draft-07, as ielint --print-schema writes

const ajv = new Ajv({ allErrors: false, strict: true, unicodeRegExp: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')));
const lines = [];
for (const file of process.argv.slice(3)) {
	let ok;
	try {
		ok = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
	} catch (e) {
		ok = false;
	}
	lines.push(file + '\t' + (ok ? 'valid' : 'invalid'));
}
process.stdout.write(lines.join('\n') + '\n');
