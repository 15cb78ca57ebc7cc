import { execFile } from 'node:child_process';

/**
 * The text of a PDF, extracted with unpdf (PDF.js) in a Node process of its own: unpdf is an ES module,
 * which Jest's CommonJS runtime cannot load. Pages are joined with form feeds.
 */
export function pdfText(pdf: Buffer): Promise<string[]> {
  const script = `
    import { extractText, getDocumentProxy } from 'unpdf';
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    const doc = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
    const { text } = await extractText(doc, { mergePages: false });
    process.stdout.write(JSON.stringify(text));`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        resolve(JSON.parse(stdout) as string[]);
      },
    );
    child.stdin?.end(pdf);
  });
}
