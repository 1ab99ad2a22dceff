// yls.mjs validates YAML files with JSON Schemas, and asks for completions
// in them, through yaml-language-server: the engine of VS Code's YAML
// extension. TestYAMLLanguageServer runs it as
//
//	node yls.mjs NODE_MODULES < request.json > answer.json
//
// where the request is {"schemas": [{"uri", "fileMatch"}], "files":
// [{"uri", "text", "complete": [{"line", "character"}]}]} and the answer
// holds, for each file, its diagnostics and the labels of each completion.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const modules = process.argv[2];
const load = (p) => import(pathToFileURL(path.join(modules, p)).href);
const yls = await load('yaml-language-server/out/src/index.js');
const { TextDocument } = await load('vscode-languageserver-textdocument/lib/esm/main.js');

const request = JSON.parse(readFileSync(0, 'utf8'));
const service = yls.getLanguageService({
  schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), 'utf8'),
  workspaceContext: { resolveRelativePath: (rel, resource) => new URL(rel, resource).href },
  clientCapabilities: { textDocument: { completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } } } },
});
service.configure({ validate: true, completion: true, hover: true, schemas: request.schemas });

const answer = [];
for (const f of request.files) {
  const doc = TextDocument.create(f.uri, 'yaml', 1, f.text);
  const diagnostics = (await service.doValidation(doc, false)).map((d) => ({
    line: d.range.start.line,
    character: d.range.start.character,
    message: d.message,
  }));
  const completions = [];
  for (const at of f.complete ?? []) {
    const list = await service.doComplete(doc, at, false);
    completions.push(list.items.map((i) => i.label));
  }
  answer.push({ diagnostics, completions });
}
process.stdout.write(JSON.stringify(answer));
